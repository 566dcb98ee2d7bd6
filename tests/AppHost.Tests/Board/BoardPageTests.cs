using System.Text.RegularExpressions;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mash.AppHost.Tests.Board;

/// <summary>The board's page in a real browser against the whole platform: what a board member and a manager see and do, and who is turned away.</summary>
public sealed class BoardPageTests(BoardFixture fixture) : IClassFixture<BoardFixture>
{
    // A hang guard for the slowest step (a contact through three services and the bus on a busy machine), not a timing.
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    private static string BoardMember => TestTokens.For("board-1", MashRoles.BoardMember);

    [Fact]
    public async Task A_board_member_signs_in_and_sees_the_scorecard_with_each_indicators_rating_target_and_comparators()
    {
        var page = await fixture.NewPageAsync();

        await BoardSignIn.SignInAsync(page, BoardMember);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Scorecard: Quarter [1-4]$"));
        var rows = page.Locator("#scorecard tbody tr");
        Assert.True(await rows.CountAsync() > 0, "the scorecard lists no indicator");
        // Every rating in words, whatever its colour.
        foreach (var rating in await page.Locator("#scorecard tbody .tag").AllInnerTextsAsync())
        {
            Assert.Matches("^. (Safe|Trigger|Unsafe|Not assessed)$", rating.Trim());
        }
        await Expect(page.Locator("#scorecard thead")).ToContainTextAsync("Target");
        await Expect(page.Locator("#scorecard thead")).ToContainTextAsync("Comparators");
        // The shipped indicator file's comparators are the partnership's own (local) figures.
        await Expect(page.Locator("#scorecard tbody")).ToContainTextAsync("Local:");
        Assert.DoesNotContain("ey", new Uri(page.Url).Query, StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "board-scorecard");
    }

    [Fact]
    public async Task The_token_is_kept_only_in_an_http_only_strict_cookie()
    {
        var page = await fixture.NewPageAsync();
        var token = BoardMember;

        await BoardSignIn.SignInAsync(page, token);

        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "mash-board");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(token, cookie.Value, StringComparison.Ordinal);
        Assert.Equal("", await page.EvaluateAsync<string>("document.cookie.includes('mash-board') ? 'readable' : ''"));
    }

    [Fact]
    public async Task Switching_period_shows_the_year_to_date_and_the_rolling_year()
    {
        var page = await fixture.NewPageAsync();
        await BoardSignIn.SignInAsync(page, BoardMember);

        await page.GetByRole(AriaRole.Link, new() { Name = "Year to date" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scorecard: Year to date");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Year to date" })).ToHaveAttributeAsync("aria-current", "page");
        Assert.True(await page.Locator("#scorecard tbody tr").CountAsync() > 0);
        await Screenshots.SaveAsync(page, "board-year-to-date");

        await page.GetByRole(AriaRole.Link, new() { Name = "Quarter 1" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scorecard: Quarter 1");

        // The rolling year judged as the quarters are: each indicator's rating, target and comparators.
        await page.GetByRole(AriaRole.Link, new() { Name = "Rolling year" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scorecard: Rolling year");
        await Expect(page.GetByText(new Regex("^Each indicator for Rolling year to [A-Z][a-z]{2} [0-9]{4},"))).ToBeVisibleAsync();
        Assert.True(await page.Locator("#scorecard tbody tr").CountAsync() > 0, "the rolling year lists no indicator");
        foreach (var rating in await page.Locator("#scorecard tbody .tag").AllInnerTextsAsync())
        {
            Assert.Matches("^. (Safe|Trigger|Unsafe|Not assessed)$", rating.Trim());
        }
        await Expect(page.Locator("#scorecard tbody")).ToContainTextAsync("Local:");
        await Expect(page.Locator("#scorecard tbody tr", new() { HasText = "O4" })).ToContainTextAsync("100.0% (");
        await Screenshots.SaveAsync(page, "board-rolling-year");
    }

    [Fact]
    public async Task A_board_member_picks_last_year_and_its_name_and_quarters_are_shown_and_kept_across_periods()
    {
        var page = await fixture.NewPageAsync();
        await BoardSignIn.SignInAsync(page, BoardMember);
        var (lastYear, lastYearsName) = LastYear(DateTime.UtcNow);

        await page.GetByLabel("Financial year").SelectOptionAsync(new SelectOptionValue { Label = lastYearsName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show year" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main .caption")).ToHaveTextAsync(lastYearsName);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Scorecard: Quarter 1");
        await Expect(page.GetByText($"Each indicator for {lastYearsName} Q1,")).ToBeVisibleAsync();
        Assert.Contains($"year={lastYear}", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByLabel("Financial year")).ToHaveValueAsync($"{lastYear}");

        // The period links keep the year, and so do the links to the other pages.
        await page.GetByRole(AriaRole.Link, new() { Name = "Year to date" }).ClickAsync();
        await Expect(page.GetByText($"Each indicator for {lastYearsName} YTD to Mar,")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Board pages" }).GetByRole(AriaRole.Link, new() { Name = "Exception report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Exception");
        await Expect(page.Locator("main .caption")).ToHaveTextAsync(lastYearsName);

        // A year that is no year is ignored: the page opens on this year, not an error.
        var answer = await page.GotoAsync("/?year=not-a-year");
        Assert.Equal(200, answer?.Status);
        await Expect(page.Locator("main .caption")).ToHaveTextAsync(YearName(lastYear + 1));
    }

    [Fact]
    public async Task Referrals_no_agency_was_told_of_in_two_quarters_put_O4_in_the_exception_report_as_Unsafe_against_its_target()
    {
        using var guard = new CancellationTokenSource(Guard);
        using var journey = new ContactJourney(fixture.Platform);
        // O4 (target 100% told, a trend over two quarters): a referral last quarter (imported at its own time)
        // and one now, neither referrer told: 0% in both, missed and steady, so Unsafe.
        await journey.ImportReferralAsync(InTheQuarterBefore(DateTimeOffset.UtcNow), "early-help", guard.Token);
        await journey.SubmitAndDecideAsync("early-help", guard.Token);
        var page = await fixture.NewPageAsync();
        await BoardSignIn.SignInAsync(page, BoardMember);

        var o4 = page.Locator("section.exception", new() { Has = page.Locator("#exception-O4") });
        // Quality hears of the events seconds after they happen: the report is read again until it has them.
        while (true)
        {
            await page.GotoAsync("/exceptions");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Exception report: Quarter [1-4]$"));
            if (await o4.CountAsync() > 0)
            {
                break;
            }
            await Task.Delay(TimeSpan.FromSeconds(2), guard.Token);
        }

        await Expect(o4.Locator("h2")).ToHaveTextAsync("O4 Referrers and contributing agencies told the outcome of referrals");
        await Expect(o4.Locator(".tag")).ToHaveTextAsync(new Regex("^. Unsafe$"));
        await Expect(Detail(o4, "Target")).ToHaveTextAsync("100.0% (missed)");
        await Expect(Detail(o4, "Value")).ToHaveTextAsync("0.0%");
        await Expect(o4.Locator(".narrative")).Not.ToBeEmptyAsync();
        await Screenshots.SaveAsync(page, "board-exception-report");
    }

    private static ILocator Detail(ILocator section, string term) =>
        section.Locator(".summary-list > div", new() { Has = section.Page.Locator("dt", new() { HasTextString = term }) }).Locator("dd");

    /// <summary>A fortnight into the quarter before the financial quarter <paramref name="now"/> is in: well inside it in any time zone.</summary>
    private static DateTimeOffset InTheQuarterBefore(DateTimeOffset now)
    {
        var monthsIntoQuarter = (now.Month + 12 - 4) % 12 % 3;
        return new DateTimeOffset(now.Year, now.Month, 1, 12, 0, 0, TimeSpan.Zero).AddMonths(-monthsIntoQuarter - 3).AddDays(14);
    }

    /// <summary>The financial year before the one <paramref name="today"/> is in, by its first calendar year and its name.</summary>
    private static (int Year, string Name) LastYear(DateTime today)
    {
        var last = (today.Month >= 4 ? today.Year : today.Year - 1) - 1;
        return (last, YearName(last));
    }

    private static string YearName(int startYear) => $"{startYear}/{(startYear + 1) % 100:00}";

    [Fact]
    public async Task The_exception_report_and_the_trends_open_from_the_navigation()
    {
        var page = await fixture.NewPageAsync();
        await BoardSignIn.SignInAsync(page, BoardMember);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Board pages" }).GetByRole(AriaRole.Link, new() { Name = "Exception report" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Exception report: Quarter [1-4]$"));
        // Each exception is rated Trigger or Unsafe, or the page says there are none.
        var exceptions = page.Locator("section.exception");
        if (await exceptions.CountAsync() == 0)
        {
            await Expect(page.GetByText("No indicator triggers for this period")).ToBeVisibleAsync();
        }
        foreach (var rating in await exceptions.Locator(".tag").AllInnerTextsAsync())
        {
            Assert.Matches("(Trigger|Unsafe)$", rating.Trim());
        }
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Rolling year" })).ToHaveCountAsync(1);

        await page.GetByRole(AriaRole.Link, new() { Name = "Trends" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trends by quarter");
        var charts = await page.Locator("figure.trend svg[role=img]").CountAsync();
        Assert.True(charts > 0, "no trend chart");
        // Each chart has its table of the same figures, by quarter.
        Assert.Equal(charts, await page.Locator("table caption", new() { HasTextRegex = new Regex("by quarter$") }).CountAsync());
        await Screenshots.SaveAsync(page, "board-trends");
    }

    [Fact]
    public async Task A_contact_submitted_through_intake_appears_in_the_live_outcome_feed_once_the_mash_decides_it()
    {
        using var guard = new CancellationTokenSource(Guard);
        var page = await fixture.NewPageAsync();
        await BoardSignIn.SignInAsync(page, TestTokens.For("manager-1", MashRoles.Manager));
        await page.GetByRole(AriaRole.Link, new() { Name = "Live" }).ClickAsync();
        await Expect(page.Locator("#outcomes-status")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 60_000 });
        await Expect(page.Locator("#alerts-status")).ToHaveAttributeAsync("data-state", "Connected", new() { Timeout = 60_000 });

        using var journey = new ContactJourney(fixture.Platform);
        var caseRef = await journey.SubmitAndDecideAsync("early-help", guard.Token);

        var row = page.Locator("#outcomes tbody tr", new() { HasText = caseRef });
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(row).ToContainTextAsync("early-help");
        await Expect(row).ToContainTextAsync("police-west");
        await Screenshots.SaveAsync(page, "board-live");
    }

    [Fact]
    public async Task The_keyboard_reaches_the_skip_link_the_navigation_the_year_and_the_periods()
    {
        var page = await fixture.NewPageAsync();
        await BoardSignIn.SignInAsync(page, BoardMember);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Scorecard");

        var reached = new List<string>();
        await page.GotoAsync("/");
        for (var i = 0; i < 16; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("document.activeElement.innerText || document.activeElement.id"));
        }

        Assert.Equal("Skip to main content", reached[0]);
        Assert.Contains(reached, r => r.Contains("Sign out", StringComparison.Ordinal));
        Assert.Contains("Trends", reached);
        Assert.Contains("Exception report", reached);
        Assert.Contains("Live", reached);
        Assert.Contains("Year to date", reached);

        // The skip link takes the reader past the navigation to the page's own content.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("year", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Show year", await page.EvaluateAsync<string>("document.activeElement.innerText"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Quarter 1", await page.EvaluateAsync<string>("document.activeElement.innerText"));
    }

    [Fact]
    public async Task A_practitioner_is_refused_and_nothing_is_kept()
    {
        var page = await fixture.NewPageAsync();

        var answer = await BoardSignIn.SignInAsync(page, TestTokens.For("sw-2", MashRoles.Practitioner));

        Assert.Equal(403, answer?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot open the board's page");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "mash-board");
        await Screenshots.SaveAsync(page, "board-refused");

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task A_token_the_platform_does_not_trust_is_not_accepted()
    {
        var page = await fixture.NewPageAsync();

        await BoardSignIn.SignInAsync(page, TestTokens.BadlySigned("board-2", MashRoles.BoardMember));

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not one the platform accepts");
        await Expect(page.GetByLabel("Your staff token")).ToHaveAttributeAsync("aria-describedby", "token-hint token-error");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "mash-board");
        await Screenshots.SaveAsync(page, "board-sign-in-error");
    }
}
