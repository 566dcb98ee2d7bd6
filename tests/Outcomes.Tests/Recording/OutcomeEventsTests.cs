using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Tests.Infrastructure;

namespace Mash.Outcomes.Tests.Recording;

public sealed class OutcomeEventsTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 4, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void The_event_carries_the_journeys_facts_under_the_case_ref()
    {
        var recorded = OutcomeEvents.Recorded(TestJourneys.Complete(), "ref-1", "early-help", Now);
        Assert.Equal("ref-1", recorded.CaseRef);
        Assert.Equal("early-help", recorded.Outcome);
        Assert.Equal(("police-west", "6"), (recorded.AgencyId, recorded.ReferralSource));
        Assert.Equal((Rag.Amber, Rag.Red), (recorded.InitialRag, recorded.FinalRag));
        Assert.True(recorded.ThresholdMet);
        Assert.True(recorded.IsRepeat);
        Assert.True(recorded.IsRepeatReferral);
    }

    [Fact]
    public void The_event_happened_and_was_recorded_now()
    {
        var recorded = OutcomeEvents.Recorded(TestJourneys.Complete(), "ref-1", "early-help", Now);
        Assert.Equal(Timestamp.FromDateTimeOffset(Now), recorded.OccurredAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(Now), recorded.RecordedAt);
    }

    [Fact]
    public void Each_event_has_its_own_id()
    {
        var first = OutcomeEvents.Recorded(TestJourneys.Complete(), "ref-1", "early-help", Now);
        var second = OutcomeEvents.Recorded(TestJourneys.Complete(), "ref-1", "early-help", Now);
        Assert.NotEqual(first.EventId, second.EventId);
    }

    [Fact]
    public void The_board_facing_event_never_carries_the_contact_id()
    {
        var recorded = OutcomeEvents.Recorded(TestJourneys.Complete("contact-7f3a"), "ref-1", "early-help", Now);
        Assert.DoesNotContain("contact-7f3a", JsonFormatter.Default.Format(recorded), StringComparison.Ordinal);
    }
}
