using Mash.Quality.Indicators;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Indicators;

public sealed class RepeatReferralRateTests
{
    [Fact]
    public void Only_cases_that_met_the_threshold_are_referrals() =>
        Assert.Equal(2, RepeatReferralRate.Referrals([Referral("r1", false), Referral("r2", true), Outcome("r3", "nfa")]));

    [Fact]
    public void A_repeat_referral_is_a_referral_whose_subject_was_referred_before() =>
        Assert.Equal(1, RepeatReferralRate.RepeatReferrals([Referral("r1", false), Referral("r2", true), Referral("r3", false)]));

    [Fact]
    public void A_contact_that_did_not_meet_the_threshold_is_no_repeat_referral_whatever_its_subject() =>
        Assert.Equal(0, RepeatReferralRate.RepeatReferrals([Outcome("r1", "nfa", thresholdMet: false, isRepeatReferral: true)]));

    [Fact]
    public void The_rate_is_repeat_referrals_over_referrals() => Assert.Equal(0.25, RepeatReferralRate.Rate(4, 1));

    [Fact]
    public void The_rate_is_zero_when_there_were_no_referrals() => Assert.Equal(0, RepeatReferralRate.Rate(0, 0));
}
