using Mash.Intake.Repeats;

namespace Mash.Intake.Tests.Repeats;

/// <summary>A batch's decisions come to one a contact: the one recording them one by one in order would leave.</summary>
public sealed class ReferralDecisionTests
{
    private static readonly DateTimeOffset At = new(2025, 6, 3, 11, 0, 0, TimeSpan.Zero);
    private static readonly Guid Contact = Guid.NewGuid();

    private static ReferralDecision Decision(bool thresholdMet, int hour) => new(Contact.ToString(), thresholdMet, At.AddHours(hour));

    [Fact]
    public void The_latest_decision_stands_whatever_order_they_come_in()
    {
        var latest = Decision(thresholdMet: true, 2);

        Assert.Equal(latest, ReferralDecision.Latest([Decision(false, 1), latest, Decision(false, 0)])[Contact]);
    }

    [Fact]
    public void Of_two_as_late_the_later_in_the_batch_stands()
    {
        var later = Decision(thresholdMet: false, 1);

        Assert.Equal(later, ReferralDecision.Latest([Decision(true, 1), later])[Contact]);
    }

    [Fact]
    public void A_malformed_contact_id_is_left_out()
    {
        Assert.Equal([Contact], ReferralDecision.Latest([new("not-a-uuid", true, At), Decision(true, 0)]).Keys);
    }
}
