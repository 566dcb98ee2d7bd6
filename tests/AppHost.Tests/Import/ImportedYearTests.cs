using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Mash.AppHost.Tests.Platform;
using Mash.AppHost.Tests.Support;
using Mash.Contracts.Quality.V1;
using Mash.Importer;
using Mash.Testing.Identity;

namespace Mash.AppHost.Tests.Import;

/// <summary>
/// Issue 16 point 1: a generated legacy year imported with mash-import into the real platform (the
/// AppHost) through its gRPC APIs gives, quarter by quarter, the measures computed here from the same
/// records; and importing it again changes nothing.
/// </summary>
public sealed class ImportedYearTests : IAsyncLifetime
{
    // Hang guards only: a few hundred contacts take a minute or two on a quiet machine.
    private static readonly TimeSpan ImportGuard = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan ProjectionGuard = TimeSpan.FromMinutes(10);

    private readonly LegacyYear year = new(seed: 16, contactsPerQuarter: 60, children: 90);
    private readonly string folder = Directory.CreateTempSubdirectory("mash-import-").FullName;
    private RunningPlatform? platform;

    public async Task InitializeAsync()
    {
        year.WriteTo(folder);
        platform = await RunningPlatform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
            PlatformFixture.TryDelete(platform.StateDirectory);
        }
        PlatformFixture.TryDelete(folder);
    }

    [Fact]
    public async Task Every_quarters_measures_equal_those_of_the_records_and_a_rerun_changes_nothing()
    {
        var first = await ImportAsync(checkpoint: Path.Combine(folder, "first.checkpoint"));
        Assert.Empty(first.Problems);
        await WaitUntilQualityHasTheYearAsync();
        var before = new List<Scorecard>();
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var (from, to) = LegacyYear.Quarter(quarter);
            var card = await ScorecardAsync(from, to);
            AssertMeasures(ExpectedQuarter.Of(year, from, to), card, $"Q{quarter + 1}");
            before.Add(card);
        }

        // Again with the checkpoint: every step is already done.
        var resumed = await ImportAsync(checkpoint: Path.Combine(folder, "first.checkpoint"));
        Assert.Equal((0, first.Replayed), (resumed.Replayed, resumed.AlreadyDone));

        // A checkpoint kept against another platform (a contact this one does not have) stops the run.
        var elsewhere = Path.Combine(folder, "elsewhere.checkpoint");
        await File.WriteAllTextAsync(elsewhere, $"contact C-1 {Guid.CreateVersion7()}\n");
        await Assert.ThrowsAsync<Mash.Importer.Replay.StaleCheckpointException>(() => ImportAsync(elsewhere));

        // Again, without the checkpoint: every step must be idempotent on its own.
        var again = await ImportAsync(checkpoint: null);

        Assert.Empty(again.Problems);
        Assert.Equal(0, again.AlreadyDone);
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var (from, to) = LegacyYear.Quarter(quarter);
            Assert.Equal(before[quarter], await ScorecardAsync(from, to));
        }
        Assert.True(year.Cases.Any(c => c.ThresholdMet && ExpectedQuarter.IsRepeatReferral(year, c)), "The generated year should hold repeat referrals.");
    }

    private static void AssertMeasures(ExpectedQuarter expected, Scorecard card, string quarter)
    {
        Assert.True(Same(expected.ContactsByAgency, card.ContactsByAgency), $"{quarter} D1: {Show(card.ContactsByAgency)}");
        Assert.True(Same(expected.ContactsByRag, card.ContactsByRag), $"{quarter} R1: {Show(card.ContactsByRag)}");
        Assert.True(Same(expected.ReferralsByAgency, card.ReferralsByAgency), $"{quarter} D2: {Show(card.ReferralsByAgency)}");
        Assert.Equal((expected.DecisionsTimed, expected.DecisionsWithinTarget), (card.DecisionsTimed, card.DecisionsWithinTarget));
        Assert.True(Same(expected.Outcomes, card.Outcomes), $"{quarter} O1: {Show(card.Outcomes)}");
        Assert.Equal((expected.Referrals, expected.RepeatReferrals), (card.Referrals, card.RepeatReferrals));
    }

    private static bool Same(IReadOnlyDictionary<string, long> expected, MapField<string, long> actual) =>
        actual.Where(e => e.Value != 0).OrderBy(e => e.Key, StringComparer.Ordinal).SequenceEqual(expected.OrderBy(e => e.Key, StringComparer.Ordinal));

    private static string Show(MapField<string, long> counts) => string.Join(", ", counts.Select(e => $"{e.Key}={e.Value}"));

    private async Task<Mash.Importer.Replay.ImportSummary> ImportAsync(string? checkpoint)
    {
        var app = platform!.App;
        var options = new ImportOptions(folder, app.GetEndpoint("intake", "grpc"), app.GetEndpoint("triage", "grpc"), app.GetEndpoint("outcomes", "grpc"),
            TestTokens.For("legacy-import", "Mash.Importer", "Mash.Practitioner"), checkpoint, TimeSpan.FromMinutes(2));
        using var guard = new CancellationTokenSource(ImportGuard);
        return await ImportRun.RunAsync(options, _ => { }, _ => { }, guard.Token);
    }

    /// <summary>Until the year's scorecard counts every contact, decision, referral and outcome: every projection has all of it.</summary>
    private async Task WaitUntilQualityHasTheYearAsync()
    {
        using var guard = new CancellationTokenSource(ProjectionGuard);
        var referrals = year.Cases.Count(c => c.ThresholdMet);
        while (true)
        {
            var card = await ScorecardAsync(LegacyYear.Start, LegacyYear.Start.AddYears(1));
            if (card.ContactsByAgency.Values.Sum() == year.Cases.Count && card.DecisionsTimed == year.Cases.Count
                && card.Outcomes.Values.Sum() == year.Cases.Count && card.Referrals == referrals && card.ReferralsFedBack == referrals)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), guard.Token);
        }
    }

    private async Task<Scorecard> ScorecardAsync(DateTimeOffset from, DateTimeOffset to)
    {
        using var channel = GrpcChannel.ForAddress(platform!.App.GetEndpoint("quality", "grpc"));
        var board = new Metadata { { "authorization", $"Bearer {TestTokens.For("board-1", "Mash.BoardMember")}" } };
        return await new QualityService.QualityServiceClient(channel).GetScorecardAsync(
            new GetScorecardRequest { From = Timestamp.FromDateTimeOffset(from), To = Timestamp.FromDateTimeOffset(to) }, board);
    }
}
