using Microsoft.Extensions.Options;

namespace Mash.Intake.Validation;

/// <summary>
/// The time now where the partnership is (<c>Intake:TimeZone</c>, the seeds' Europe/London): a date
/// a referrer gives, such as a date of birth, is a date there, so a child born just after midnight
/// in British Summer Time is not born "tomorrow" by UTC.
/// </summary>
public sealed class PartnershipClock(TimeProvider time, TimeZoneInfo zone)
{
    public PartnershipClock(TimeProvider time, IOptions<PartnershipTimeOptions> options)
        : this(time, TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))
    {
    }

    /// <summary>Now, at the partnership's offset from UTC.</summary>
    public DateTimeOffset Now => At(time.GetUtcNow());

    /// <summary>An instant (an imported contact's original receipt) at the partnership's offset from UTC.</summary>
    public DateTimeOffset At(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);
}
