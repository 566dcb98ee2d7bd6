using Mash.Board.Components.Shared;
using Mash.Contracts.Quality.V1;

namespace Mash.Board.Tests.Formatting;

public sealed class IndicatorFormatTests
{
    private static IndicatorDefinition Definition(string unit, int precision) => new() { Unit = unit, Precision = precision };

    [Fact]
    public void A_percentage_reads_with_its_sign_at_its_precision() => Assert.Equal("72.5%", IndicatorFormat.Value(72.49, Definition("percent", 1)));

    [Fact]
    public void A_rate_says_per_10000() => Assert.Equal("1,234 per 10,000", IndicatorFormat.Value(1234, Definition("rate-per-10000", 0)));

    [Fact]
    public void Nothing_counted_says_so() => Assert.Equal("No data", IndicatorFormat.Value(null, Definition("number", 0)));

    [Fact]
    public void A_target_reads_with_whether_it_was_met()
    {
        var definition = new IndicatorDefinition { Unit = "percent", Precision = 0, Target = new IndicatorTarget { Value = 95 } };
        Assert.Equal("95% (missed)", IndicatorFormat.Target(new IndicatorAssurance { Target = "missed" }, definition));
        Assert.Equal("No target", IndicatorFormat.Target(new IndicatorAssurance { Target = "no-target" }, Definition("number", 0)));
    }

    [Fact]
    public void Comparators_are_named_in_words()
    {
        var definition = Definition("percent", 1);
        definition.Comparators.Add(new Comparator { Kind = "statistical-neighbours", Value = 20.14 });
        Assert.Equal(["Statistical neighbours: 20.1%"], IndicatorFormat.Comparators(definition));
    }
}
