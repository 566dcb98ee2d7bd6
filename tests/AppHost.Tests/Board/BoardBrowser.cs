using Microsoft.Playwright;

namespace Mash.AppHost.Tests.Board;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, AppHost/install-prerequisites.sh installs it), headless,
/// driven by Playwright: its own browser download needs the internet. Without the background-networking
/// flags Chromium keeps calling Google's hosts, which this machine's closed network refuses. Playwright
/// gives each launch a fresh, empty profile directory of its own.
/// </summary>
internal static class BoardBrowser
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = Flags });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
