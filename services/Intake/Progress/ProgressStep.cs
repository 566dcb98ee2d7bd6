using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;

namespace Mash.Intake.Progress;

/// <summary>
/// One event's move of a contact: to <paramref name="Status"/> (with <paramref name="Outcome"/> and its
/// revision, for CLOSED) at <paramref name="ChangedAt"/>. <paramref name="ContactId"/> is as the event
/// carries it, so may be malformed.
/// </summary>
public sealed record ProgressStep(string ContactId, ContactStatus Status, DateTimeOffset ChangedAt, string? Outcome = null, int OutcomeRevision = 0)
{
    // An outcome fed back before events carried revisions is the first; only CLOSED has one.
    public int OutcomeRevision { get; } = Status == ContactStatus.Closed ? Math.Max(OutcomeRevision, 1) : 0;

    /// <summary>
    /// Whether this step moves a contact that <paramref name="reached"/> left: a status only moves forward,
    /// and a CLOSED contact's outcome only to a later revision (a correction). The SQL in
    /// <see cref="ContactAdvances"/> states the same rule against the row.
    /// </summary>
    public bool MovesOn(ProgressStep reached) =>
        Status > reached.Status || (Status == ContactStatus.Closed && reached.Status == ContactStatus.Closed && OutcomeRevision > reached.OutcomeRevision);

    /// <summary>
    /// Each contact's step that applying <paramref name="steps"/> one by one would leave: the first to reach
    /// the furthest status or revision. The row then takes it only if it moves on from where the row is,
    /// which ends where the whole sequence would (a contact short of CLOSED has revision 0).
    /// </summary>
    public static IReadOnlyDictionary<Guid, ProgressStep> Net(IEnumerable<ProgressStep> steps) =>
        PerContact.Net(steps, s => s.ContactId, (step, before) => step.MovesOn(before));
}
