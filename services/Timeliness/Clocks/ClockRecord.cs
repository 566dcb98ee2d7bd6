using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Clocks;

/// <summary>
/// What Timeliness knows of one contact's clock. Each fact may be missing (not arrived yet):
/// StartedAt (ContactReceived), Rag and RatedAt (the latest ContactRated), DecidedAt
/// (DecisionRecorded); AgencyId, the referring agency, and IncidentAt, the incident the referrer
/// reported (T5; null when none was), with the receipt. DueAt follows from StartedAt and Rag; WithinTarget is set when the clock stops.
/// </summary>
internal sealed record ClockRecord(
    string ContactId,
    DateTimeOffset? StartedAt,
    Rag Rag,
    DateTimeOffset? RatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? DecidedAt,
    bool? WithinTarget,
    string? AgencyId = null,
    DateTimeOffset? IncidentAt = null)
{
    /// <summary>A clock no fact has reached yet.</summary>
    public static ClockRecord Empty(string contactId) => new(contactId, null, Rag.Unspecified, null, null, null, null);

    /// <summary>Started, rated and decided, and DecisionTimed published: final.</summary>
    public bool IsStopped => WithinTarget is not null;

    /// <summary>Started and rated, yet nothing is due: the partnership sets no target for its RAG.</summary>
    public bool HasNoTarget => StartedAt is not null && Rag != Rag.Unspecified && DueAt is null;
}
