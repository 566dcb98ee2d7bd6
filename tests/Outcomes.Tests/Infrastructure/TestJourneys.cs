using Mash.Contracts.Common.V1;
using Mash.Outcomes.Journeys;
using Microsoft.Extensions.Options;

namespace Mash.Outcomes.Tests.Infrastructure;

/// <summary>Journeys and settings the tests start from.</summary>
internal static class TestJourneys
{
    public const string Key = "a-test-pseudonym-key-of-at-least-32-characters";

    /// <summary>Received, rated Amber then Red, decided to meet the threshold: ready for an outcome.</summary>
    public static Journey Complete(string contactId = "contact-1") =>
        new(contactId, Received: true, AgencyId: "police-west", ReferralSource: "6", IsRepeat: true, IsRepeatReferral: true,
            InitialRag: Rag.Amber, FinalRag: Rag.Red, Decided: true, ThresholdMet: true);

    public static IOptions<OutcomesOptions> Options(string key = Key, int feedCapacity = 256) =>
        Microsoft.Extensions.Options.Options.Create(new OutcomesOptions { PseudonymKey = key, FeedCapacity = feedCapacity });
}
