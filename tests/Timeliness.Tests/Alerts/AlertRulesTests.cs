using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Tests.Infrastructure;

namespace Mash.Timeliness.Tests.Alerts;

/// <summary>
/// Each alert rule against PostgreSQL, the clock moved by the test: approaching at 75 % of the
/// target, breached at the due time, each once; a re-rating moves them, a decision cancels them, a
/// RAG without a target never alerts. Red is 4 hours: from 10:00 (rated 10:01) approaching at 13:00, due at 14:00.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public sealed class AlertRulesTests(TimelinessDatabase server)
{
    private static readonly DateTimeOffset Received = AlertsUnderTest.Start;
    private static readonly DateTimeOffset Approaching = Received.AddHours(3);
    private static readonly DateTimeOffset Due = Received.AddHours(4);

    [Fact]
    public async Task Nothing_is_raised_before_three_quarters_of_the_target_have_passed()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received);

        await timeliness.RaiseAtAsync(Approaching.AddSeconds(-1));

        Assert.Empty(await timeliness.AlertsAsync(contactId));
    }

    [Fact]
    public async Task DeadlineApproaching_is_raised_at_75_percent_once()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received, agencyId: "school-12");

        await timeliness.RaiseAtAsync(Approaching);
        await timeliness.RaiseAtAsync(Approaching.AddMinutes(30));

        var approaching = Assert.Single(await timeliness.ApproachingAsync(contactId));
        Assert.Equal((Rag.Red, "school-12", "MASH"), (approaching.Rag, approaching.AgencyId, approaching.Team));
        Assert.Equal((Timestamp.FromDateTimeOffset(Approaching), Timestamp.FromDateTimeOffset(Due)), (approaching.OccurredAt, approaching.DueAt));
        Assert.Equal(Timestamp.FromDateTimeOffset(Received), approaching.StartedAt);
        Assert.Equal(AlertKind.Approaching, Assert.Single(await timeliness.AlertsAsync(contactId)).Kind);
        Assert.Empty(await timeliness.BreachedAsync(contactId));
    }

    [Fact]
    public async Task DeadlineBreached_is_raised_at_the_due_time_once()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received);

        await timeliness.RaiseAtAsync(Approaching);
        await timeliness.RaiseAtAsync(Due.AddSeconds(-1));
        await timeliness.RaiseAtAsync(Due);
        await timeliness.RaiseAtAsync(Due.AddHours(5));

        var breached = Assert.Single(await timeliness.BreachedAsync(contactId));
        Assert.Equal(Timestamp.FromDateTimeOffset(Due), breached.OccurredAt);
        Assert.Equal(Timestamp.FromDateTimeOffset(Due), breached.RecordedAt);
        Assert.Equal([AlertKind.Approaching, AlertKind.Breached], (await timeliness.AlertsAsync(contactId)).Select(a => a.Kind));
    }

    [Fact]
    public async Task A_clock_found_past_its_due_time_is_breached_without_an_approach_first()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received);

        await timeliness.RaiseAtAsync(Due.AddMinutes(10));

        var alert = Assert.Single(await timeliness.AlertsAsync(contactId));
        Assert.Equal((AlertKind.Breached, Due, Due.AddMinutes(10)), (alert.Kind, alert.OccurredAt, alert.RaisedAt));
        Assert.Empty(await timeliness.ApproachingAsync(contactId));
    }

    [Fact]
    public async Task A_re_rating_moves_both_moments()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Amber, Received);
        // Amber would approach at 04:00 the next day; re-rated Red at 11:00, Red's moments apply.
        await timeliness.RateAsync(contactId, Rag.Red, Received.AddHours(1));

        await timeliness.RaiseAtAsync(Approaching);
        await timeliness.RaiseAtAsync(Due);
        await timeliness.RaiseAtAsync(Received.AddHours(30));

        Assert.Equal([(AlertKind.Approaching, Approaching), (AlertKind.Breached, Due)], (await timeliness.AlertsAsync(contactId)).Select(a => (a.Kind, a.OccurredAt)));
    }

    [Fact]
    public async Task A_re_rating_after_a_breach_raises_the_new_deadline_s_alerts_and_never_repeats_the_old()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received);
        await timeliness.RaiseAtAsync(Due);
        // Re-rated Amber: due 24 h after receipt, approaching at 18 h; then Red again, whose breach was raised already.
        await timeliness.RateAsync(contactId, Rag.Amber, Due.AddMinutes(5));
        await timeliness.RaiseAtAsync(Received.AddHours(18));
        await timeliness.RateAsync(contactId, Rag.Red, Received.AddHours(19));
        await timeliness.RaiseAtAsync(Received.AddHours(30));

        Assert.Equal(
            [(AlertKind.Breached, Due), (AlertKind.Approaching, Received.AddHours(18))],
            (await timeliness.AlertsAsync(contactId)).Select(a => (a.Kind, a.OccurredAt)));
    }

    [Fact]
    public async Task A_decision_cancels_both()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received);
        await timeliness.DecideAsync(contactId, Received.AddHours(2));

        await timeliness.RaiseAtAsync(Approaching);
        await timeliness.RaiseAtAsync(Due.AddDays(1));

        Assert.Empty(await timeliness.AlertsAsync(contactId));
    }

    [Fact]
    public async Task A_decision_after_the_approach_cancels_the_breach()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received);
        await timeliness.RaiseAtAsync(Approaching);
        await timeliness.DecideAsync(contactId, Approaching.AddMinutes(10));

        await timeliness.RaiseAtAsync(Due.AddDays(1));

        Assert.Equal(AlertKind.Approaching, Assert.Single(await timeliness.AlertsAsync(contactId)).Kind);
    }

    [Fact]
    public async Task A_rag_without_a_target_never_alerts()
    {
        var options = TestTargets.Options();
        options.Targets.Green = "none";
        var timeliness = await AlertsUnderTest.StartAsync(server, Mash.Timeliness.Timing.Deadlines.From(options));
        var contactId = await timeliness.OpenClockAsync(Rag.Green, Received);

        await timeliness.RaiseAtAsync(Received.AddDays(60));

        Assert.Empty(await timeliness.AlertsAsync(contactId));
    }

    [Fact]
    public async Task A_re_rating_to_a_rag_without_a_target_cancels_the_alerts()
    {
        var options = TestTargets.Options();
        options.Targets.Green = "none";
        var timeliness = await AlertsUnderTest.StartAsync(server, Mash.Timeliness.Timing.Deadlines.From(options));
        var contactId = await timeliness.OpenClockAsync(Rag.Red, Received);
        await timeliness.RateAsync(contactId, Rag.Green, Received.AddHours(1));

        await timeliness.RaiseAtAsync(Received.AddDays(60));

        Assert.Empty(await timeliness.AlertsAsync(contactId));
    }

    [Fact]
    public async Task Each_alert_names_the_team_the_partnership_routes_its_agency_to()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server, options: new() { Teams = { ["police-west"] = "Police hub" } });
        var police = await timeliness.OpenClockAsync(Rag.Red, Received, agencyId: "police-west");
        var school = await timeliness.OpenClockAsync(Rag.Red, Received, agencyId: "school-12");

        await timeliness.RaiseAtAsync(Due);

        Assert.Equal(("Police hub", "MASH"), (Assert.Single(await timeliness.AlertsAsync(police)).Team, Assert.Single(await timeliness.AlertsAsync(school)).Team));
    }
}
