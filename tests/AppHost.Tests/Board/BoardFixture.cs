using Mash.AppHost.Tests.Platform;
using Mash.AppHost.Tests.Support;
using Microsoft.Playwright;

namespace Mash.AppHost.Tests.Board;

/// <summary>The whole platform, the board's page among its resources, and one headless Chromium to open it in.</summary>
public sealed class BoardFixture : IAsyncLifetime
{
    private RunningPlatform? platform;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public RunningPlatform Platform => platform ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("Not started.");

    /// <summary>The board's page as the dashboard links it (the AppHost's proxy of its http endpoint).</summary>
    public Uri BoardAddress => Platform.App.GetEndpoint("board", "http");

    public async Task InitializeAsync()
    {
        platform = await RunningPlatform.StartAsync();
        (playwright, browser) = await BoardBrowser.LaunchAsync();
    }

    /// <summary>A new browser session (its own cookies) on the board's page.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BoardAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1100, Height = 900 },
            Locale = "en-GB",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (platform is not null)
        {
            await platform.DisposeAsync();
            PlatformFixture.TryDelete(platform.StateDirectory);
        }
    }
}
