using MashGrpc.Internal;

namespace MashGrpc.Tests;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("4m", 40_000L)]
    [InlineData("5u", 50L)]
    [InlineData("700n", 7L)]
    [InlineData("99999999H", 99_999_999L * 36_000_000_000L)]
    [InlineData("00000001S", 10_000_000L)]
    [InlineData("0S", 0L)]
    public void TryParse_reads_every_unit(string value, long expectedTicks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(TimeSpan.FromTicks(expectedTicks), timeout);
    }

    [Fact]
    public void TryParse_rounds_nanoseconds_below_a_tick_down_to_zero()
    {
        Assert.True(GrpcTimeout.TryParse("99n", out var timeout));
        Assert.Equal(TimeSpan.Zero, timeout);
    }

    [Theory]
    [InlineData("123456789S")] // nine digits
    [InlineData("1")]          // no unit
    [InlineData("S")]          // no digits
    [InlineData("")]
    [InlineData(null)]
    [InlineData("1x")]         // unknown unit
    [InlineData("1s")]         // units are case-sensitive: 's' is not 'S'
    [InlineData("1h")]
    [InlineData("-1S")]
    [InlineData("+1S")]
    [InlineData(" 1S")]
    [InlineData("1.5S")]
    [InlineData("1 S")]
    [InlineData("１S")]        // a full-width digit is not an ASCII digit
    public void TryParse_rejects_malformed_values(string? value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }

    [Theory]
    [InlineData(1L, "100n")]
    [InlineData(TimeSpan.TicksPerMillisecond, "1000000n")]
    [InlineData(TimeSpan.TicksPerSecond, "1000000u")]
    [InlineData(TimeSpan.TicksPerHour, "3600000m")]
    [InlineData(100 * TimeSpan.TicksPerDay, "8640000S")]
    [InlineData(1000 * TimeSpan.TicksPerDay, "86400000S")]
    [InlineData(2000 * TimeSpan.TicksPerDay, "2880000M")]
    [InlineData(365_000 * TimeSpan.TicksPerDay, "8760000H")]
    public void Format_picks_the_finest_unit_that_fits_in_eight_digits(long ticks, string expected)
    {
        Assert.Equal(expected, GrpcTimeout.Format(TimeSpan.FromTicks(ticks)));
    }

    [Fact]
    public void Format_rounds_up_rather_than_down()
    {
        // 1.0000001 s does not fit in nanoseconds; in microseconds it is 1000000.1, sent as 1000001u.
        var timeout = TimeSpan.FromTicks(TimeSpan.TicksPerSecond + 1);
        Assert.Equal("1000001u", GrpcTimeout.Format(timeout));
    }

    [Fact]
    public void Format_sends_a_positive_minimum_for_zero_or_negative_timeouts()
    {
        Assert.Equal("100n", GrpcTimeout.Format(TimeSpan.Zero));
        Assert.Equal("100n", GrpcTimeout.Format(TimeSpan.FromSeconds(-5)));
    }

    [Fact]
    public void Format_caps_timeouts_beyond_the_largest_expressible_value()
    {
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.MaxValue));
        Assert.Equal("99999999H", GrpcTimeout.Format(TimeSpan.FromTicks(TimeSpan.MaxValue.Ticks - 1)));
    }

    [Fact]
    public void Format_output_always_parses_back_to_at_least_the_timeout()
    {
        var random = new Random(1234);
        var samples = new List<long> { 1, 99, 100, 999_999, 1_000_000, 9_999_999, TimeSpan.TicksPerDay * 3650 };
        for (var i = 0; i < 2000; i++)
        {
            // Spread over every magnitude, from 100 ns to centuries.
            samples.Add((long)Math.Pow(10, random.NextDouble() * 17));
        }
        foreach (var ticks in samples)
        {
            var formatted = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));
            Assert.InRange(formatted.Length, 2, 9);
            Assert.True(GrpcTimeout.TryParse(formatted, out var parsed), $"'{formatted}' (from {ticks} ticks) does not parse.");
            Assert.True(parsed.Ticks >= ticks, $"{ticks} ticks formatted as '{formatted}', which is only {parsed.Ticks} ticks.");
        }
    }
}
