using Mash.Intake.Contacts;

namespace Mash.Intake.Repeats;

/// <summary>One DecisionRecorded event's threshold decision; <paramref name="ContactId"/> as the event carries it, so may be malformed.</summary>
public sealed record ReferralDecision(string ContactId, bool ThresholdMet, DateTimeOffset DecidedAt)
{
    /// <summary>
    /// Each contact's decision that recording <paramref name="decisions"/> one by one, in order, would
    /// leave: the latest by <see cref="DecidedAt"/>, of two as late the later in the batch. A malformed id is left out.
    /// </summary>
    public static IReadOnlyDictionary<Guid, ReferralDecision> Latest(IEnumerable<ReferralDecision> decisions) =>
        PerContact.Net(decisions, d => d.ContactId, (decision, before) => before.DecidedAt <= decision.DecidedAt);
}
