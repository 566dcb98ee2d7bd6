using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>Facts for the measures of the Outcomes events in depth, the backlog and incidents.</summary>
internal static class DepthTestFacts
{
    public static OutcomeFact Rerated(string caseRef, Rag initial, Rag final, string outcome = "assessment") =>
        Outcome(caseRef, outcome) with { InitialRag = initial, FinalRag = final };

    public static OutcomeAgencyFact Contributed(string caseRef, string agency) => new(caseRef, OutcomeAgencyFact.Contributed, agency);

    public static OutcomeAgencyFact Onward(string caseRef, string agency) => new(caseRef, OutcomeAgencyFact.Onward, agency);

    public static OpenContactFact Open(string contactId, Rag rag, TimeSpan age) => new(contactId, rag, Monday - age);

    /// <summary>An incident at Monday, completed <paramref name="after"/> it (null: still open).</summary>
    public static IncidentFact Incident(string contactId, TimeSpan? after) => new(contactId, Monday, after is { } took ? Monday + took : null);

    /// <summary>O4: an agency owed a referral's outcome, told <paramref name="after"/> its first recording (null: not told by the end).</summary>
    public static FeedbackOwedFact Owed(bool toReferrer, TimeSpan? after) => new(toReferrer, after is not null, after is { } took ? took.Ticks / 10 : 0);

    public static ConsultationFact Consultation(string id, string kind, string agency = "st-marys-school") => new(id, agency, kind, Monday);
}
