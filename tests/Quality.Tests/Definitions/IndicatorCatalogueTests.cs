using Mash.Quality.Definitions;
using static Mash.Quality.Tests.Definitions.IndicatorFiles;

namespace Mash.Quality.Tests.Definitions;

/// <summary>The indicator file: the shipped one is whole and honest; a wrong one is refused naming the indicator and field.</summary>
public sealed class IndicatorCatalogueTests
{
    private static readonly IndicatorCatalogue Shipped = IndicatorCatalogue.Load(new QualityOptions().IndicatorFile);

    private static string Refusal(string json) => Assert.Throws<InvalidDataException>(() => IndicatorCatalogue.Parse(json)).Message;

    [Fact]
    public void The_shipped_file_defines_every_computed_measure_of_MEASURES_md_once()
    {
        string[] measures = ["D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "R1", "R2", "R3", "R4", "R5", "T1", "T2", "T3", "T4", "T5", "O1", "O2", "O3", "O4", "O5", "O6", "O7"];
        Assert.Equal(measures, Shipped.Indicators.Select(i => i.Measure));
    }

    [Fact]
    public void The_shipped_file_sets_only_the_targets_a_seed_gives()
    {
        // Warwickshire's feedback to referrers for 100% of referrals (003 §3.2 D) is the only target the seeds set as a share.
        var target = Assert.Single(Shipped.Indicators, i => i.Target is not null);
        Assert.Equal(("O4", 100.0, ComparatorKind.Local), (target.Reference, target.Target!.Value, target.Target.Type));
        Assert.Contains("003 §3.2 D", target.Target.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_comparators_are_Warwickshires_with_their_sources()
    {
        Assert.Equal(
            [("D5", 10.0), ("R1", 44.0)],
            Shipped.Indicators.SelectMany(i => i.Comparators.Select(c => (i.Reference, c.Value))));
        Assert.All(Shipped.Indicators.SelectMany(i => i.Comparators), c => Assert.StartsWith("003 §", c.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void The_shipped_file_has_Calderdales_two_rules_and_no_populations()
    {
        Assert.Equal(["watch", "audit"], Shipped.ActionRules.Select(r => r.Name));
        Assert.Empty(Shipped.Populations);
        Assert.All(Shipped.Indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.Source)));
    }

    [Fact]
    public void An_unknown_unit_is_refused_naming_the_indicator_and_field() =>
        Assert.Contains("indicators['T1'].unit is 'percentage'", Refusal(With(Indicator("T1", fields: "\"unit\": \"percentage\""))), StringComparison.Ordinal);

    [Fact]
    public void A_duplicate_reference_is_refused() =>
        Assert.Contains("indicators['T1'].reference: 2 indicators", Refusal(With(Indicator("T1"), Indicator("T1", "O3"))), StringComparison.Ordinal);

    [Fact]
    public void Green_below_red_when_high_is_good_is_refused() =>
        Assert.Contains("indicators['T1'].thresholds: green (60) is below red (80), but high is good",
            Refusal(With(Indicator("T1", fields: "\"thresholds\": { \"green\": 60, \"red\": 80 }"))), StringComparison.Ordinal);

    [Fact]
    public void Green_above_red_when_low_is_good_is_refused() =>
        Assert.Contains("indicators['O3'].thresholds: green (20) is above red (10), but low is good",
            Refusal(With(Indicator("O3", "O3", "\"polarity\": \"low\", \"thresholds\": { \"green\": 20, \"red\": 10 }"))), StringComparison.Ordinal);

    [Fact]
    public void A_target_on_a_context_indicator_is_refused() =>
        Assert.Contains("indicators['D1'].target is set",
            Refusal(With(Indicator("D1", "D1", "\"polarity\": \"context\", \"target\": { \"value\": 1, \"type\": \"L\", \"source\": \"x\" }"))), StringComparison.Ordinal);

    [Fact]
    public void An_unknown_target_type_is_refused() =>
        Assert.Contains("indicators['T1'].target.type is 'N'",
            Refusal(With(Indicator("T1", fields: "\"target\": { \"value\": 80, \"type\": \"N\", \"source\": \"x\" }"))), StringComparison.Ordinal);

    [Fact]
    public void A_rate_per_10000_must_name_its_population() =>
        Assert.Contains("indicators['D4'].population is ''", Refusal(With(Indicator("D4", "D4", "\"unit\": \"rate-per-10000\""))), StringComparison.Ordinal);

    [Fact]
    public void A_misspelt_field_is_refused() =>
        Assert.Contains("narative", Refusal(With(Indicator("T1", fields: "\"narative\": \"x\""))), StringComparison.Ordinal);

    [Fact]
    public void An_action_rule_in_words_the_continuum_does_not_have_is_refused() =>
        Assert.Contains("assurance.actionRules['watch'].when.rag is 'orange'",
            Refusal(With(Indicator("T1")).Replace("\"rag\": \"amber\"", "\"rag\": \"orange\"", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var message = Refusal(With(Indicator("T1", fields: "\"unit\": \"percentage\", \"precision\": 9")));
        Assert.Contains(".unit", message, StringComparison.Ordinal);
        Assert.Contains(".precision", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_year_starts_the_years_start_in_April_September_and_January() =>
        Assert.Equal([4, 9, 1], IndicatorCatalogue.Parse(With(Indicator("T1"))).YearStarts.Values);

    [Fact]
    public void A_partnership_may_start_its_school_year_in_August() =>
        Assert.Equal(8, IndicatorCatalogue.Parse(WithSettings("\"yearStarts\": { \"school\": 8 },", Indicator("T1"))).YearStarts[ReportingYear.School]);

    [Fact]
    public void A_year_starting_in_month_13_is_refused() =>
        Assert.Contains("yearStarts.financial is 13", Refusal(WithSettings("\"yearStarts\": { \"financial\": 13 },", Indicator("T1"))), StringComparison.Ordinal);

    [Fact]
    public void A_partnerships_own_file_is_read_with_its_trend_window()
    {
        var catalogue = IndicatorCatalogue.Parse(With(Indicator("CSCB03", fields: "\"trend\": { \"window\": 4 }")));
        Assert.Equal(new TrendSettings(4, 0), Assert.Single(catalogue.Indicators).Trend);
    }

    [Fact]
    public void The_service_refuses_to_start_on_a_wrong_file_naming_the_file_indicator_and_field()
    {
        var path = Path.Combine(Path.GetTempPath(), $"indicators-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, With(Indicator("T1", fields: "\"unit\": \"percentage\"")));
        try
        {
            var result = new QualityOptionsValidator().Validate(null, new QualityOptions { IndicatorFile = path });
            Assert.True(result.Failed);
            Assert.Contains($"Quality:IndicatorFile '{path}'", result.FailureMessage, StringComparison.Ordinal);
            Assert.Contains("indicators['T1'].unit", result.FailureMessage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_shipped_file_passes_the_start_up_check() =>
        Assert.True(new QualityOptionsValidator().Validate(null, new QualityOptions()).Succeeded);
}
