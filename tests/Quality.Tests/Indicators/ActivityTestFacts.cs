using Mash.Contracts.Common.V1;
using Mash.Quality.Facts;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>Facts for the measures beyond the first five, at a fixed time unless the test says otherwise.</summary>
internal static class ActivityTestFacts
{
    public static ContactFact ContactOfType(string id, string agency, string contactType, Pathway pathway = Pathway.Children, DateTime? at = null) =>
        new(id, agency, at ?? Monday, contactType, pathway);

    public static DecisionFact Decision(string contactId, bool thresholdMet, string agency = "police-west", DateTime? at = null) =>
        new(contactId, agency, thresholdMet, at ?? Monday);

    public static RatingChangeFact Change(Rag from, Rag to, DateTime? at = null) => new(Guid.NewGuid().ToString(), "c1", from, to, at ?? Monday);

    public static EscalationFact Escalation(string id, string agency, DateTime? at = null) => new(id, "c1", "referrer-challenge", agency, at ?? Monday);

    public static InformationRequestFact Request(string id, string agency, DateTime? at = null) => new(id, "c1", agency, at ?? Monday);

    public static InformationResponseFact Response(string id, TimeSpan took, string band = "within 4 h", string agency = "health") =>
        new(id, agency, Monday, band, Monday + took);

    public static DeadlineAlertFact Breach(string contactId, Rag rag, DateTime? at = null) => new(contactId, Monday, rag, "police-west", at ?? Monday);
}
