using Mash.Contracts.Common.V1;

namespace Mash.Outcomes.Journeys;

/// <summary>What Outcomes knows of a contact's journey so far, from Intake's and Triage's events.</summary>
internal sealed record Journey(
    string ContactId,
    bool Received,
    string AgencyId,
    string ReferralSource,
    bool IsRepeat,
    bool IsRepeatReferral,
    Rag InitialRag,
    Rag FinalRag,
    bool Decided,
    bool ThresholdMet)
{
    /// <summary>When the MASH received the contact; null until its ContactReceived is heard.</summary>
    public DateTime? ReceivedAt { get; init; }
}
