using System.Globalization;

namespace Mash.Timeliness.Timing;

/// <summary>
/// The convention for when a working-day target falls due. "time received": N whole working days
/// (24 hours of each) after receipt, so Monday 10:00 plus 5 is the next Monday 10:00. "HH:mm" (say
/// "17:00"): the working day ends then, and the contact is due at that time on the Nth working day
/// after the day it was received; one received after the day's end, or on a day off, counts from the next working day.
/// </summary>
internal abstract record WorkingDayEnd
{
    public const string AtTimeReceivedText = "time received";

    private WorkingDayEnd()
    {
    }

    public sealed record AtTimeReceived : WorkingDayEnd;

    public sealed record At(TimeOnly Time) : WorkingDayEnd;

    /// <summary>The convention, or null when the text is not one.</summary>
    public static WorkingDayEnd? Parse(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (string.Equals(trimmed, AtTimeReceivedText, StringComparison.OrdinalIgnoreCase))
        {
            return new AtTimeReceived();
        }
        return TimeOnly.TryParseExact(trimmed, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time != TimeOnly.MinValue
            ? new At(time)
            : null;
    }
}
