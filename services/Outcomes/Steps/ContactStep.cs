using Mash.Outcomes.Recording;

namespace Mash.Outcomes.Steps;

/// <summary>A step asked of one contact, checked as its RPC checks a request before the database: what a <see cref="StepRound"/> takes.</summary>
internal abstract record ContactStep(string ContactId)
{
    /// <summary>RecordOutcome's: the outcome, recorded as <paramref name="PractitionerId"/>.</summary>
    public sealed record Outcome(string ContactId, NewOutcome Asked, string PractitionerId) : ContactStep(ContactId);

    /// <summary>RecordFeedback's: <paramref name="AgencyId"/> was told at <paramref name="ToldAt"/> by <paramref name="GivenBy"/>.</summary>
    public sealed record Telling(string ContactId, string AgencyId, string GivenBy, DateTimeOffset ToldAt) : ContactStep(ContactId);
}
