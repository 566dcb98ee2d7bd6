using System.Reflection;
using Microsoft.Playwright;

namespace Mash.AppHost.Tests.Board;

/// <summary>The pages as the tests saw them, saved under docs/screenshots for README.md.</summary>
internal static class Screenshots
{
    public static string Directory =>
        typeof(Screenshots).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ScreenshotDirectory")?.Value
        ?? throw new InvalidOperationException("The test assembly carries no ScreenshotDirectory metadata.");

    public static async Task SaveAsync(IPage page, string name)
    {
        System.IO.Directory.CreateDirectory(Directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory, name + ".png"), FullPage = true });
    }
}
