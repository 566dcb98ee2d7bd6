using Mash.Quality.Periods;

namespace Mash.Quality.Tests.Periods;

/// <summary>Calderdale's A = (B ÷ C) × 10,000, B the last four quarters' total ÷ 4, C the population; each worked by hand.</summary>
public sealed class RatesTests
{
    [Fact]
    public void B_is_the_last_four_quarters_total_divided_by_four() =>
        // 40 + 50 + 60 + 50 = 200; 200 ÷ 4 = 50.
        Assert.Equal(50, Rates.FourQuarterAverage([40, 50, 60, 50]));

    [Fact]
    public void Only_the_last_four_quarters_count() =>
        // The first quarter (1,000) has left the rolling year: (50 + 60 + 50 + 40) ÷ 4 = 50.
        Assert.Equal(50, Rates.FourQuarterAverage([1_000, 50, 60, 50, 40]));

    [Fact]
    public void Before_four_quarters_there_is_no_rolling_average() =>
        Assert.Null(Rates.FourQuarterAverage([40, 50, 60]));

    [Fact]
    public void A_is_B_per_ten_thousand_of_the_population() =>
        // 75 ÷ 12,500 × 10,000 = 60.
        Assert.Equal(60, Rates.Per10000(75, 12_500), 9);

    [Fact]
    public void The_rolling_rate_of_a_child_population_of_47000_to_one_decimal_place() =>
        // B = 200 ÷ 4 = 50; A = 50 ÷ 47,000 × 10,000 = 10.638…, reported 10.6.
        Assert.Equal(10.6, Rates.ToPrecision(Rates.RollingPer10000([40, 50, 60, 50], 47_000)!.Value, 1));

    [Fact]
    public void A_rate_needs_a_population() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rates.Per10000(10, 0));

    [Fact]
    public void A_half_is_rounded_away_from_zero_at_the_indicators_precision() =>
        Assert.Equal((55.1, 65.0, 0.13), (Rates.ToPrecision(55.05, 1), Rates.ToPrecision(64.5, 0), Rates.ToPrecision(0.125, 2)));

    [Fact]
    public void The_rolling_year_at_the_end_of_Q1_2025_26_is_the_four_quarters_from_July_2024() =>
        Assert.Equal(
            [(new DateOnly(2024, 7, 1), new DateOnly(2024, 10, 1)), (new DateOnly(2024, 10, 1), new DateOnly(2025, 1, 1)),
             (new DateOnly(2025, 1, 1), new DateOnly(2025, 4, 1)), (new DateOnly(2025, 4, 1), new DateOnly(2025, 7, 1))],
            Rates.FourQuartersBefore(new DateOnly(2025, 7, 1)));
}
