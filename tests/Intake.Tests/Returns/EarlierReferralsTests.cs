using Mash.Intake.Returns.Fields;

namespace Mash.Intake.Tests.Returns;

public sealed class EarlierReferralsTests
{
    [Fact]
    public void A_referral_s_count_is_written()
    {
        Assert.Equal("2", EarlierReferrals.Count(ReturnSubjects.Row(ReturnSubjects.Child(), new(2025, 1, 1), earlierReferrals: 2)));
        Assert.Equal("0", EarlierReferrals.Count(ReturnSubjects.Row(ReturnSubjects.Child(), new(2025, 1, 1), earlierReferrals: 0)));
    }

    [Fact]
    public void A_contact_has_none() => Assert.Equal("", EarlierReferrals.Count(ReturnSubjects.Row(ReturnSubjects.Child(), new(2025, 1, 1))));
}
