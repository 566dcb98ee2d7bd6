using Mash.Contracts.Events.V1;

namespace Mash.Timeliness.Facts;

/// <summary>The incident a contact reports (ContactReceived.incident_at) and its referring agency (T5).</summary>
internal sealed record IncidentFact(string ContactId, DateTimeOffset IncidentAt, string AgencyId)
{
    /// <summary>The contact's incident; null when the referrer gave no incident time, so T5 has nothing to time.</summary>
    public static IncidentFact? From(ContactReceived received) =>
        received.IncidentAt is { } incidentAt ? new(received.ContactId, incidentAt.ToDateTimeOffset(), received.AgencyId) : null;
}
