using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
using Mash.Quality.Facts;
using Mash.Quality.Grpc;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mash.Quality.Tests.Infrastructure;
using Npgsql;
using static Mash.Quality.Tests.Definitions.IndicatorFiles;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Grpc;

/// <summary>
/// GetAssurance and GetExceptionReport over facts in two financial quarters, worked by hand:
/// 2024/25 Q4 (January–March 2025) and 2025/26 Q1 (April–June 2025), asked in May 2025.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class AssuranceTests(QualityDatabase database)
{
    private static readonly DateTime February = new(2025, 2, 10, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime May = new(2025, 5, 12, 10, 0, 0, DateTimeKind.Utc);
    private static readonly GetAssuranceRequest Q1 = new() { AsOf = Timestamp.FromDateTime(May) };

    // T1 (high is good, target 80, Green 80+, Red below 60) and O3 (low is good, target 10, no
    // thresholds); and one for a measure Quality does not know ("X9").
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.Parse(With(
        Indicator("T1", "T1", "\"target\": { \"value\": 80, \"type\": \"L\", \"source\": \"test\" }, \"thresholds\": { \"green\": 80, \"red\": 60 }"),
        Indicator("O3", "O3", "\"polarity\": \"low\", \"target\": { \"value\": 10, \"type\": \"L\", \"source\": \"test\" }"),
        Indicator("X9", "X9", "\"polarity\": \"context\", \"unit\": \"number\"")));

    private static AssuranceGrpcService Service(NpgsqlDataSource dataSource, IndicatorCatalogue? catalogue = null) =>
        new(catalogue ?? Catalogue, new AssuranceReader(new FactReader(dataSource), catalogue ?? Catalogue), new FixedTime(May),
            new ChangeWatch(new FactChanges(), Options.Create(new WatchOptions()), new FixedTime(May)), new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance),
            new RatingStore(dataSource, new FixedTime(May)), new RatingReader(dataSource), new WatchListReader(dataSource), new AuditLog(dataSource, new FixedTime(May)));

    // T1: Q4 4 of 4 within target (100%), Q1 2 of 4 (50%); O3: Q4 1 repeat of 2 referrals (50%), Q1 1 of 4 (25%).
    private async Task<NpgsqlDataSource> TwoQuartersAsync()
    {
        var dataSource = await database.CreateDatabaseAsync();
        await Assurance.AssuranceFacts.RecordAsync(dataSource);
        return dataSource;
    }

    [Fact]
    public async Task Decisions_within_target_falling_from_100_to_50_percent_is_Unsafe_and_Red_so_audited()
    {
        var report = await Service(await TwoQuartersAsync()).GetAssurance(Q1, new TestCallContext());

        var t1 = report.Indicators.Single(i => i.Reference == "T1");
        Assert.Equal(("2025/26 Q1", 50.0, "missed", "negative", "red", "unsafe"), (t1.Period, t1.Value, t1.Target, t1.Trend, t1.Rag, t1.Assurance));
        Assert.Equal([100.0, 50.0], t1.Values);
        Assert.Equal(["perform-audit"], t1.Actions.Select(a => a.Action));
        Assert.Equal(new DateTime(2025, 3, 31, 23, 0, 0, DateTimeKind.Utc), t1.From.ToDateTime());
    }

    [Fact]
    public async Task A_repeat_referral_rate_falling_from_50_to_25_percent_against_10_is_a_Trigger_and_watched()
    {
        var report = await Service(await TwoQuartersAsync()).GetAssurance(Q1, new TestCallContext());

        var o3 = report.Indicators.Single(i => i.Reference == "O3");
        Assert.Equal((25.0, "missed", "positive", "amber", "trigger"), (o3.Value, o3.Target, o3.Trend, o3.Rag, o3.Assurance));
        Assert.Equal(["watch-next-quarter"], o3.Actions.Select(a => a.Action));
    }

    [Fact]
    public async Task An_indicator_Quality_does_not_compute_yet_is_listed_as_not_computed_with_no_value()
    {
        var report = await Service(await TwoQuartersAsync()).GetAssurance(Q1, new TestCallContext());

        var unknown = report.Indicators.Single(i => i.Reference == "X9");
        Assert.Equal((false, "not yet computed", false, "not-assessed"), (unknown.Computed, unknown.NotComputed, unknown.HasValue, unknown.Assurance));
    }

    [Fact]
    public async Task The_exception_report_lists_the_triggering_indicators_with_their_narrative()
    {
        var report = await Service(await TwoQuartersAsync()).GetExceptionReport(Q1, new TestCallContext());

        Assert.Equal([("T1", "Narrative of T1."), ("O3", "Narrative of O3.")], report.Indicators.Select(i => (i.Reference, i.Narrative)));
    }

    [Fact]
    public async Task A_quarter_with_nothing_counted_has_no_value_and_is_not_assessed()
    {
        var report = await Service(await database.CreateDatabaseAsync()).GetAssurance(Q1, new TestCallContext());

        var t1 = report.Indicators.Single(i => i.Reference == "T1");
        Assert.Equal((true, false, "not-assessed"), (t1.Computed, t1.HasValue, t1.Assurance));
    }

    [Fact]
    public async Task The_year_to_date_counts_from_April()
    {
        var report = await Service(await TwoQuartersAsync()).GetAssurance(
            new GetAssuranceRequest { AsOf = Q1.AsOf, Period = ReportingPeriodKind.YearToDate }, new TestCallContext());

        var t1 = report.Indicators.Single(i => i.Reference == "T1");
        Assert.Equal(("2025/26 YTD to May", 50.0), (t1.Period, t1.Value));
    }

    [Fact]
    public async Task The_rolling_year_is_the_twelve_months_to_the_end_of_the_quarter_judged_as_the_year_to_date_is()
    {
        var report = await Service(await TwoQuartersAsync()).GetAssurance(
            new GetAssuranceRequest { AsOf = Q1.AsOf, Period = ReportingPeriodKind.RollingYear }, new TestCallContext());

        // July 2024 to June 2025 holds both quarters: 6 of 8 decisions within target, against 80; the year before counted nothing, so no trend.
        var t1 = report.Indicators.Single(i => i.Reference == "T1");
        Assert.Equal(("Rolling year to Jun 2025", 75.0, "missed", "unknown", "not-assessed"), (t1.Period, t1.Value, t1.Target, t1.Trend, t1.Assurance));
        Assert.Equal((new DateTime(2024, 6, 30, 23, 0, 0, DateTimeKind.Utc), new DateTime(2025, 6, 30, 23, 0, 0, DateTimeKind.Utc)), (t1.From.ToDateTime(), t1.To.ToDateTime()));
    }

    [Fact]
    public async Task With_the_shipped_file_every_measure_is_listed_and_only_the_computed_ones_have_values()
    {
        var shipped = IndicatorCatalogue.Load(new QualityOptions().IndicatorFile);
        var report = await Service(await TwoQuartersAsync(), shipped).GetAssurance(Q1, new TestCallContext());

        Assert.Equal(25, report.Indicators.Count);
        // Every measure is computed; counts are 0 where nothing happened; a share with nothing to divide
        // by (R1: nothing rated; T2, T5, O4) has no value.
        Assert.Equal(["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "R2", "R3", "R4", "R5", "T1", "T3", "T4", "O1", "O2", "O3", "O5", "O6", "O7"],
            report.Indicators.Where(i => i.HasValue).Select(i => i.Reference));
        Assert.All(report.Indicators, i => Assert.True(i.Computed, i.Reference));
    }

    [Fact]
    public async Task ListIndicators_gives_each_definition_in_the_files_words()
    {
        var shipped = IndicatorCatalogue.Load(new QualityOptions().IndicatorFile);
        var list = await Service(await database.CreateDatabaseAsync(), shipped).ListIndicators(new ListIndicatorsRequest(), new TestCallContext());

        var o4 = list.Indicators.Single(i => i.Reference == "O4");
        Assert.Equal(("high", "percent", "financial", 100.0, "L"), (o4.Polarity, o4.Unit, o4.ReportingPeriod, o4.Target.Value, o4.Target.Type));
        Assert.Equal(("local", 44.0), (list.Indicators.Single(i => i.Reference == "R1").Comparators.Single().Kind, list.Indicators.Single(i => i.Reference == "R1").Comparators.Single().Value));
    }

    [Fact]
    public async Task An_invalid_as_of_is_INVALID_ARGUMENT_naming_as_of()
    {
        var service = Service(await database.CreateDatabaseAsync());
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.GetAssurance(new GetAssuranceRequest { AsOf = new Timestamp { Nanos = -1 } }, new TestCallContext()));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("as_of", error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Contacts_per_10000_children_are_the_rolling_four_quarter_average_over_the_child_population()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var store = new FactStore();
        await dataSource.InTransactionAsync(t => store.RecordContactsAsync(t,
        [
            Contact("aug-1", "police", new DateTime(2024, 8, 5, 9, 0, 0, DateTimeKind.Utc)), Contact("aug-2", "police", new DateTime(2024, 8, 6, 9, 0, 0, DateTimeKind.Utc)),
            Contact("feb-1", "school", February), Contact("feb-2", "school", February.AddHours(1)), Contact("feb-3", "school", February.AddHours(2)),
            Contact("may-1", "health", May), Contact("may-2", "health", May.AddHours(1)), Contact("may-3", "health", May.AddHours(2)),
        ], CancellationToken.None));
        var catalogue = IndicatorCatalogue.Parse(WithSettings("\"populations\": { \"child\": 2000 },",
            Indicator("D1", "D1", "\"polarity\": \"context\", \"unit\": \"rate-per-10000\", \"population\": \"child\"")));

        var d1 = (await Service(dataSource, catalogue).GetAssurance(Q1, new TestCallContext())).Indicators.Single();

        // Q1 2025/26: July 2024 to June 2025 holds 8 contacts; B = 8 ÷ 4 = 2; A = 2 ÷ 2,000 × 10,000 = 10.0.
        // Q4 2024/25: April 2024 to March 2025 holds 5; B = 1.25; A = 6.25, reported 6.3.
        Assert.Equal([6.3, 10.0], d1.Values);
    }

    [Fact]
    public async Task A_rate_per_10000_without_its_population_configured_is_not_computed()
    {
        var catalogue = IndicatorCatalogue.Parse(With(Indicator("D1", "D1", "\"polarity\": \"context\", \"unit\": \"rate-per-10000\", \"population\": \"adult\"")));

        var d1 = (await Service(await database.CreateDatabaseAsync(), catalogue).GetAssurance(Q1, new TestCallContext())).Indicators.Single();

        Assert.Equal((false, "not computed: populations.adult is not configured"), (d1.Computed, d1.NotComputed));
    }

    [Fact]
    public async Task An_as_of_in_the_year_1_is_INVALID_ARGUMENT_naming_as_of()
    {
        var service = Service(await database.CreateDatabaseAsync());
        var error = await Assert.ThrowsAsync<RpcException>(() => service.GetAssurance(
            new GetAssuranceRequest { AsOf = Timestamp.FromDateTime(new DateTime(1, 2, 1, 0, 0, 0, DateTimeKind.Utc)) }, new TestCallContext()));

        Assert.Equal("as_of", error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task An_unknown_period_kind_is_INVALID_ARGUMENT_naming_period()
    {
        var service = Service(await database.CreateDatabaseAsync());
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            service.GetExceptionReport(new GetAssuranceRequest { Period = (ReportingPeriodKind)9 }, new TestCallContext()));

        Assert.Equal("period", error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
    }
}
