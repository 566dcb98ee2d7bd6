using Mash.Contracts.Common.V1;
using Mash.Outcomes.Journeys;

namespace Mash.Outcomes.Recording;

/// <summary>
/// When a journey can take an outcome: decided, and with the facts the outcome event carries
/// (events arrive on separate queues, so a decision can be here before its contact's details).
/// Each rule returns why not, or null.
/// </summary>
internal static class JourneyRules
{
    public static string? WhyNoOutcomeYet(Journey journey) =>
        MustBeDecided(journey) ?? MustBeReceived(journey) ?? MustBeRated(journey);

    public static string? MustBeDecided(Journey journey) =>
        journey.Decided ? null : $"Contact {journey.ContactId} has no threshold decision yet; record the decision first.";

    public static string? MustBeReceived(Journey journey) =>
        journey.Received ? null : $"The intake details of contact {journey.ContactId} have not reached Outcomes yet; try again shortly.";

    public static string? MustBeRated(Journey journey) =>
        journey.FinalRag != Rag.Unspecified ? null : $"The RAG rating of contact {journey.ContactId} has not reached Outcomes yet; try again shortly.";
}
