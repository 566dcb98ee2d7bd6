using Mash.Contracts.Common.V1;

namespace Mash.Timeliness.Clocks;

/// <summary>One fact about a contact's clock, from one integration event, with when it happened.</summary>
internal abstract record ClockFact
{
    private ClockFact()
    {
    }

    /// <summary>The MASH received the contact: the clock runs from here. It brings the referring agency and, if the referrer gave one, the incident's time (T5).</summary>
    public sealed record Received(DateTimeOffset At, string? AgencyId = null, DateTimeOffset? IncidentAt = null) : ClockFact;

    /// <summary>A practitioner rated or re-rated it: the target is this RAG's.</summary>
    public sealed record Rated(Rag Rag, DateTimeOffset At) : ClockFact;

    /// <summary>The threshold decision was made: the clock stops here.</summary>
    public sealed record Decided(DateTimeOffset At) : ClockFact;
}
