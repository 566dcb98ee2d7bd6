using Mash.Contracts.Common.V1;
using Mash.Timeliness.Clocks;

namespace Mash.Timeliness.Tests.Clocks;

public class ClockRulesTests
{
    private static readonly DateTimeOffset Received = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    // Simple targets, so each expectation can be read off: Red 4 h, Amber 24 h, Green 72 h.
    private static DateTimeOffset? DueAt(DateTimeOffset start, Rag rag) =>
        start.AddHours(rag switch { Rag.Red => 4, Rag.Amber => 24, _ => 72 });

    private static readonly ClockFact Receipt = new ClockFact.Received(Received);
    private static readonly ClockFact RatedAmber = new ClockFact.Rated(Rag.Amber, Received.AddMinutes(30));
    private static readonly ClockFact DecidedAfterTwoHours = new ClockFact.Decided(Received.AddHours(2));

    private static (ClockRecord Clock, int Stops) ApplyAll(params ClockFact[] facts)
    {
        var clock = ClockRecord.Empty("c-1");
        var stops = 0;
        foreach (var fact in facts)
        {
            var step = ClockRules.Apply(clock, fact, DueAt);
            clock = step.Clock;
            stops += step.Stopped ? 1 : 0;
        }
        return (clock, stops);
    }

    public static TheoryData<int[]> EveryOrder => new() { new[] { 0, 1, 2 }, new[] { 0, 2, 1 }, new[] { 1, 0, 2 }, new[] { 1, 2, 0 }, new[] { 2, 0, 1 }, new[] { 2, 1, 0 } };

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public void Every_arrival_order_stops_the_clock_exactly_once_with_the_same_result(int[] order)
    {
        ClockFact[] facts = [Receipt, RatedAmber, DecidedAfterTwoHours];

        var (clock, stops) = ApplyAll([.. order.Select(i => facts[i])]);

        Assert.Equal(1, stops);
        Assert.Equal(ClockRecord.Empty("c-1") with
        {
            StartedAt = Received,
            Rag = Rag.Amber,
            RatedAt = Received.AddMinutes(30),
            DueAt = Received.AddHours(24),
            DecidedAt = Received.AddHours(2),
            WithinTarget = true,
        }, clock);
    }

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public void Every_fact_delivered_twice_in_every_order_still_stops_the_clock_once(int[] order)
    {
        ClockFact[] facts = [Receipt, RatedAmber, DecidedAfterTwoHours];

        var (_, stops) = ApplyAll([.. order.SelectMany(i => new[] { facts[i], facts[i] })]);

        Assert.Equal(1, stops);
    }

    [Fact]
    public void A_received_contact_is_running_without_a_deadline_until_rated()
    {
        var (clock, stops) = ApplyAll(Receipt);

        Assert.Equal((Received, (DateTimeOffset?)null, false), (clock.StartedAt!.Value, clock.DueAt, clock.IsStopped));
        Assert.Equal(0, stops);
    }

    [Fact]
    public void A_rating_sets_the_deadline_from_receipt() =>
        Assert.Equal(Received.AddHours(24), ApplyAll(Receipt, RatedAmber).Clock.DueAt);

    [Fact]
    public void A_rating_before_the_receipt_waits_for_it_to_set_the_deadline() =>
        Assert.Null(ApplyAll(RatedAmber).Clock.DueAt);

    [Fact]
    public void A_rerating_moves_the_deadline_from_the_same_start()
    {
        var (clock, _) = ApplyAll(Receipt, RatedAmber, new ClockFact.Rated(Rag.Red, Received.AddHours(1)));

        Assert.Equal((Rag.Red, Received.AddHours(4)), (clock.Rag, clock.DueAt!.Value));
    }

    [Fact]
    public void An_older_rating_arriving_after_a_newer_one_changes_nothing()
    {
        var (clock, _) = ApplyAll(Receipt, new ClockFact.Rated(Rag.Red, Received.AddHours(1)), RatedAmber);

        Assert.Equal((Rag.Red, Received.AddHours(4)), (clock.Rag, clock.DueAt!.Value));
    }

    [Fact]
    public void A_decision_after_the_deadline_is_outside_the_target()
    {
        var (clock, _) = ApplyAll(Receipt, new ClockFact.Rated(Rag.Red, Received.AddMinutes(5)), new ClockFact.Decided(Received.AddHours(5)));

        Assert.False(clock.WithinTarget);
    }

    [Fact]
    public void A_stopped_clock_is_final()
    {
        var (stopped, _) = ApplyAll(Receipt, RatedAmber, DecidedAfterTwoHours);

        var step = ClockRules.Apply(stopped, new ClockFact.Rated(Rag.Red, Received.AddHours(1)), DueAt);

        Assert.Equal((stopped, false), (step.Clock, step.Stopped));
    }

    [Fact]
    public void The_first_decision_stands() =>
        Assert.Equal(Received.AddHours(2), ApplyAll(DecidedAfterTwoHours, new ClockFact.Decided(Received.AddHours(9))).Clock.DecidedAt);

    [Fact]
    public void The_first_receipt_stands() =>
        Assert.Equal(Received, ApplyAll(Receipt, new ClockFact.Received(Received.AddDays(1))).Clock.StartedAt);

    [Fact]
    public void Decided_at_the_due_moment_is_within_target() =>
        Assert.True(ClockRules.WithinTarget(Received, Received));

    [Fact]
    public void Decided_a_moment_after_it_is_not() =>
        Assert.False(ClockRules.WithinTarget(Received.AddTicks(1), Received));

    [Fact]
    public void Decided_before_it_is() =>
        Assert.True(ClockRules.WithinTarget(Received.AddHours(-1), Received));

    [Fact]
    public void The_receipt_brings_the_referring_agency() =>
        Assert.Equal("police-west", ApplyAll(new ClockFact.Received(Received, "police-west")).Clock.AgencyId);

    [Fact]
    public void A_second_receipt_changes_neither_start_nor_agency()
    {
        var (clock, _) = ApplyAll(new ClockFact.Received(Received, "police-west"), new ClockFact.Received(Received.AddHours(1), "health-east"));

        Assert.Equal((Received, "police-west"), (clock.StartedAt!.Value, clock.AgencyId));
    }

    [Fact]
    public void The_first_receipt_s_incident_stands() =>
        Assert.Equal(Received.AddHours(-3),
            ApplyAll(new ClockFact.Received(Received, IncidentAt: Received.AddHours(-3)), new ClockFact.Received(Received, IncidentAt: Received.AddHours(-1))).Clock.IncidentAt);

    [Theory]
    [MemberData(nameof(EveryOrder))]
    public void The_incident_arrives_with_the_receipt_in_every_order_and_stays(int[] order)
    {
        ClockFact[] facts = [new ClockFact.Received(Received, IncidentAt: Received.AddHours(-3)), RatedAmber, DecidedAfterTwoHours];

        Assert.Equal(Received.AddHours(-3), ApplyAll([.. order.Select(i => facts[i])]).Clock.IncidentAt);
    }

    [Fact]
    public void A_rating_made_before_the_decision_but_heard_after_it_arrived_too_late()
    {
        var (stopped, _) = ApplyAll(Receipt, RatedAmber, DecidedAfterTwoHours);

        Assert.True(ClockRules.ArrivedTooLate(stopped, new ClockFact.Rated(Rag.Red, Received.AddHours(1))));
    }

    [Fact]
    public void A_re_rating_after_the_decision_or_a_fact_on_a_running_clock_is_not_too_late()
    {
        var (stopped, _) = ApplyAll(Receipt, RatedAmber, DecidedAfterTwoHours);
        var (running, _) = ApplyAll(Receipt, RatedAmber);

        Assert.False(ClockRules.ArrivedTooLate(stopped, new ClockFact.Rated(Rag.Red, Received.AddHours(3))));
        Assert.False(ClockRules.ArrivedTooLate(running, new ClockFact.Rated(Rag.Red, Received.AddHours(1))));
    }
}
