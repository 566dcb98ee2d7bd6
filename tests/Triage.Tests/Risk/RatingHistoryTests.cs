using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Risk;

/// <summary>Point 3 (R1, R2): labels in the API, every rating kept and readable, re-ratings counted by period and agency.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class RatingHistoryTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext practitioner = Callers.Practitioner("sw-3");

    private Task<QueueItem> RateAsync(string contactId, Rag rag, string reason) =>
        triage.Service.RateContact(new RateContactRequest { ContactId = contactId, Rag = rag, Reason = reason }, practitioner);

    private static CountWindow Window(DateTimeOffset from, DateTimeOffset to, Period period = Period.Month) =>
        new() { From = Timestamp.FromDateTimeOffset(from), To = Timestamp.FromDateTimeOffset(to), Period = period };

    [Fact]
    public async Task The_history_tells_every_rating_with_who_when_why_and_labels()
    {
        var received = await triage.ReceiveAsync();
        await RateAsync(received.ContactId, Rag.Red, "first look");
        triage.Time.Now = triage.Time.Now.AddMinutes(30);
        await RateAsync(received.ContactId, Rag.Amber, "police check: known family");

        var history = await triage.Service.GetRatingHistory(new GetRatingHistoryRequest { ContactId = received.ContactId }, practitioner);

        Assert.Equal(
            [(Rag.Red, "Red", Rag.Unspecified, "", "sw-3", "first look"), (Rag.Amber, "Amber", Rag.Red, "Red", "sw-3", "police check: known family")],
            history.Ratings.Select(r => (r.Rag, r.RagLabel, r.PreviousRag, r.PreviousRagLabel, r.RatedBy, r.Reason)));
        Assert.Equal(triage.Time.Now, history.Ratings[1].RatedAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task The_history_of_an_unknown_contact_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.GetRatingHistory(new GetRatingHistoryRequest { ContactId = Guid.NewGuid().ToString() }, practitioner));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_rerating_without_a_reason_is_an_invalid_argument_and_changes_nothing()
    {
        var received = await triage.ReceiveAsync();
        await RateAsync(received.ContactId, Rag.Red, "");

        var error = await Assert.ThrowsAsync<RpcException>(() => RateAsync(received.ContactId, Rag.Green, " "));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("reason", Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", received.ContactId));
    }

    [Fact]
    public async Task Rerating_moves_the_due_time_to_the_new_rags_target()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 60);

        var item = await RateAsync(received.ContactId, Rag.Amber, "");

        Assert.Equal(received.OccurredAt.ToDateTimeOffset().AddHours(24), item.DueAt.ToDateTimeOffset());
    }

    [Fact]
    public async Task Rerating_events_carry_the_agency_and_labels()
    {
        var agency = triage.NewAgency();
        var received = await triage.ReceiveAsync(agencyId: agency);
        await RateAsync(received.ContactId, Rag.Green, "");
        await RateAsync(received.ContactId, Rag.Red, "disclosure at school");

        var events = await database.OutboxAsync<ContactRated>(received.ContactId, e => e.ContactId);

        Assert.Equal([(agency, "Green", ""), (agency, "Red", "Green")], events.Select(e => (e.AgencyId, e.RagLabel, e.PreviousRagLabel)));
    }

    [Fact]
    public async Task Transitions_are_counted_by_period_and_agency()
    {
        var agency = triage.NewAgency();
        var june = triage.Time.Now;
        var first = await triage.ReceiveAsync(agencyId: agency);
        var second = await triage.ReceiveAsync(agencyId: agency);
        await RateAsync(first.ContactId, Rag.Red, "");
        await RateAsync(first.ContactId, Rag.Amber, "known to health");
        await RateAsync(second.ContactId, Rag.Red, "");
        await RateAsync(second.ContactId, Rag.Amber, "known to school");
        triage.Time.Now = june.AddMonths(1);
        await RateAsync(second.ContactId, Rag.Green, "family supported");

        var counts = await triage.Service.CountRatingChanges(new CountRatingChangesRequest { Window = Window(june.AddDays(-40), june.AddDays(60)) }, practitioner);

        var ours = counts.Counts.Where(c => c.AgencyId == agency).Select(c => (c.PeriodStart.ToDateTimeOffset(), c.FromLabel, c.ToLabel, c.Count));
        Assert.Equal([(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero), "Red", "Amber", 2L), (new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero), "Amber", "Green", 1L)], ours);
    }

    [Fact]
    public async Task Staffordshire_sees_blue_for_green()
    {
        var staffordshire = new TriageUnderTest(database, new Dictionary<string, string?> { ["Vocabulary:ragLabels:RAG_GREEN"] = "Blue" });
        var received = await staffordshire.ReceiveAsync();

        var item = await staffordshire.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Green }, practitioner);
        var scheme = await staffordshire.Service.GetRagScale(new GetRagScaleRequest(), practitioner);

        Assert.Equal("Blue", item.RagLabel);
        Assert.Equal(["Red", "Amber", "Blue"], scheme.Levels.Select(l => l.Label));
    }

    [Fact]
    public async Task The_scale_tells_the_shipped_labels_and_targets()
    {
        var scheme = await triage.Service.GetRagScale(new GetRagScaleRequest(), practitioner);

        Assert.Equal([("Red", 4.0), ("Amber", 24.0), ("Green", 168.0)], scheme.Levels.Select(l => (l.Label, l.Target.ToTimeSpan().TotalHours)));
        Assert.Equal(TimeSpan.FromHours(1), scheme.DueSoonWindow.ToTimeSpan());
    }

    [Fact]
    public async Task A_count_without_a_window_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.CountRatingChanges(new CountRatingChangesRequest(), practitioner));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.CountRatingChanges(new CountRatingChangesRequest { Window = Window(triage.Time.Now, triage.Time.Now.AddDays(-1)) }, practitioner));

        Assert.Equal("window.to", Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }
}
