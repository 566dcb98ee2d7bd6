using System.Globalization;

namespace MashGrpc.Internal;

/// <summary>The <c>grpc-timeout</c> header: at most 8 digits and a unit (H, M, S, m, u, n).</summary>
internal static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    private static readonly (char Unit, long TicksPerUnit)[] Units =
    [
        ('n', 0), // nanoseconds: a tick is 100 ns, handled apart
        ('u', TimeSpan.TicksPerMicrosecond),
        ('m', TimeSpan.TicksPerMillisecond),
        ('S', TimeSpan.TicksPerSecond),
        ('M', TimeSpan.TicksPerMinute),
        ('H', TimeSpan.TicksPerHour),
    ];

    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length is < 2 or > 9
            || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }
        var unit = value[^1];
        if (unit == 'n')
        {
            timeout = TimeSpan.FromTicks(amount / 100);
            return true;
        }
        foreach (var (u, ticks) in Units)
        {
            if (u == unit)
            {
                timeout = TimeSpan.FromTicks(amount * ticks);
                return true;
            }
        }
        return false;
    }

    /// <summary>The smallest unit that fits in 8 digits, rounded up so the server never gives up early.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ticks = Math.Max(timeout.Ticks, 1);
        if (ticks <= MaxValue / 100) // compare before multiplying: ticks * 100 overflows for long timeouts
        {
            return (ticks * 100).ToString(CultureInfo.InvariantCulture) + "n";
        }
        foreach (var (unit, ticksPerUnit) in Units.AsSpan(1))
        {
            var amount = (ticks / ticksPerUnit) + (ticks % ticksPerUnit == 0 ? 0 : 1); // rounds up without overflowing
            if (amount <= MaxValue)
            {
                return amount.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }
        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }
}
