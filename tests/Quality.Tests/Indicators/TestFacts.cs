using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>Facts for the indicator tests, at a fixed time unless the test says otherwise.</summary>
internal static class TestFacts
{
    public static readonly DateTime Monday = new(2025, 3, 3, 9, 0, 0, DateTimeKind.Utc);

    public static ContactFact Contact(string id, string agency, DateTime? at = null) => new(id, agency, at ?? Monday);

    public static RatingFact Rating(string contactId, Rag rag, DateTime? at = null) => new(contactId, rag, at ?? Monday);

    public static OutcomeFact Outcome(string caseRef, string outcome, DateTime? at = null, bool thresholdMet = false, bool isRepeatReferral = false) =>
        new(caseRef, outcome, thresholdMet, isRepeatReferral, at ?? Monday);

    /// <summary>The outcome of a referral (threshold met), about a subject referred before or not.</summary>
    public static OutcomeFact Referral(string caseRef, bool isRepeatReferral, DateTime? at = null) =>
        Outcome(caseRef, "strategy-discussion", at, thresholdMet: true, isRepeatReferral);

    public static DecisionTimingFact Timing(string contactId, bool withinTarget, DateTime? at = null) => new(contactId, Rag.Red, withinTarget, at ?? Monday);
}
