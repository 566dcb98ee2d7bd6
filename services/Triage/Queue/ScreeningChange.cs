using Mash.Contracts.Common.V1;
using Mash.Triage.Actors;
using Mash.Triage.Timing;

namespace Mash.Triage.Queue;

/// <summary>A rating or a threshold decision asked of one contact, taken alone or beside others' (<see cref="Screening.TakeAsync"/>).</summary>
internal abstract record ScreeningChange(string ContactId, Actor Actor, Moment Moment)
{
    public sealed record Rate(string ContactId, Rag Rag, string Reason, Actor Actor, Moment Moment) : ScreeningChange(ContactId, Actor, Moment);

    public sealed record Decide(string ContactId, bool ThresholdMet, string Rationale, Actor Actor, Moment Moment) : ScreeningChange(ContactId, Actor, Moment);
}
