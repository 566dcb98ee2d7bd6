using Microsoft.Playwright;

namespace Mash.AppHost.Tests.Board;

/// <summary>Signing in as a person does: the form's labelled field, the button.</summary>
internal static class BoardSignIn
{
    public static async Task<IResponse?> SignInAsync(IPage page, string token)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Your staff token").FillAsync(token);
        return await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync(),
            response => response.Request.Method == "POST" && response.Url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
