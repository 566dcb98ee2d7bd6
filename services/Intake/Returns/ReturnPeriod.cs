namespace Mash.Intake.Returns;

/// <summary>A return's period: the partnership's dates from <see cref="From"/> up to, not including, <see cref="To"/>.</summary>
public sealed record ReturnPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The period's first instant: midnight starting <see cref="From"/> where the partnership is.</summary>
    public DateTimeOffset StartIn(TimeZoneInfo zone) => MidnightIn(From, zone);

    /// <summary>The instant after the period: midnight starting <see cref="To"/> where the partnership is.</summary>
    public DateTimeOffset EndIn(TimeZoneInfo zone) => MidnightIn(To, zone);

    /// <summary>The period's last day, as file names and people say it.</summary>
    public DateOnly LastDay => To.AddDays(-1);

    private static DateTimeOffset MidnightIn(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        // In UTC: PostgreSQL's timestamptz takes no other offset from Npgsql.
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
