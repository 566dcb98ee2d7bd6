using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>When the incident happened, if the referrer says: a real instant, and not yet to come.</summary>
public static class IncidentIsNotInTheFuture
{
    /// <summary>A referrer's device clock may run a little ahead of ours; an incident reported as "just now" is not refused for that.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // The instants a Timestamp may hold (0001-01-01 to 9999-12-31, as google.protobuf.Timestamp defines them).
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static IEnumerable<Violation> Check(Contact contact, DateTimeOffset now)
    {
        if (contact.IncidentAt is not { } incidentAt)
        {
            yield break;
        }
        if (!IsValid(incidentAt))
        {
            yield return new("contact.incident_at", "not a valid timestamp: seconds within years 1–9999 and nanos from 0 to 999,999,999");
        }
        else if (incidentAt.ToDateTimeOffset() > now + ClockSkew)
        {
            yield return new("contact.incident_at", "in the future: when the incident happened, as the referrer reports it");
        }
    }

    private static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds >= MinSeconds && timestamp.Seconds <= MaxSeconds && timestamp.Nanos is >= 0 and <= 999_999_999;
}
