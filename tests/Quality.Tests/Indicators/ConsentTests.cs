using Mash.Quality.Facts;
using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

/// <summary>D8: consent sought, given, refused, overridden, and one contact with none recorded.</summary>
public sealed class ConsentTests
{
    private static readonly ContactFact[] Contacts =
    [
        Contact("c1", "police-west") with { Consent = "CONSENT_STATE_SOUGHT" }, Contact("c2", "police-west") with { Consent = "CONSENT_STATE_GIVEN" },
        Contact("c3", "police-west") with { Consent = "CONSENT_STATE_REFUSED" }, Contact("c4", "police-west") with { Consent = "CONSENT_STATE_OVERRIDDEN" },
        Contact("c5", "police-west"),
    ];

    [Fact]
    public void Consent_asked_for_is_sought_whether_given_or_refused_and_an_override_is_not() => Assert.Equal(3, Consent.WhereSought(Contacts));

    [Fact]
    public void Contacts_are_split_by_consent_state_and_one_with_none_not_at_all() =>
        Assert.Equal(
            new Dictionary<string, long> { ["CONSENT_STATE_SOUGHT"] = 1, ["CONSENT_STATE_GIVEN"] = 1, ["CONSENT_STATE_REFUSED"] = 1, ["CONSENT_STATE_OVERRIDDEN"] = 1 },
            Consent.ByState(Contacts));
}
