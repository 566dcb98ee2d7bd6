using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;

namespace Mash.Triage.Tests.Grpc;

[Collection(TriageDatabaseCollection.Name)]
public class TriageGrpcServiceTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext context = Callers.Practitioner("sw-1");

    private static RateContactRequest Rate(string contactId, Rag rag, string reason = "screened") =>
        new() { ContactId = contactId, Rag = rag, Reason = reason };

    private static RecordDecisionRequest Decide(string contactId, bool thresholdMet = true) =>
        new() { ContactId = contactId, ThresholdMet = thresholdMet, Rationale = "risk of significant harm" };

    private Task<IReadOnlyList<ContactRated>> RatedEventsAsync(string contactId) => database.OutboxAsync<ContactRated>(contactId, e => e.ContactId);

    private Task<IReadOnlyList<DecisionRecorded>> DecidedEventsAsync(string contactId) => database.OutboxAsync<DecisionRecorded>(contactId, e => e.ContactId);

    [Fact]
    public async Task The_queue_lists_undecided_contacts_oldest_first()
    {
        var newer = await triage.ReceiveAsync(minutesAgo: 5_000_001);
        var older = await triage.ReceiveAsync(minutesAgo: 5_000_003);
        var decided = await triage.ReceiveAsync(minutesAgo: 5_000_002);
        await triage.Service.RateContact(Rate(decided.ContactId, Rag.Green), context);
        await triage.Service.RecordDecision(Decide(decided.ContactId, thresholdMet: false), context);

        var queue = await triage.Service.ListQueue(new ListQueueRequest { PageSize = 500 }, context);

        var ours = queue.Items.Select(i => i.ContactId).Where(id => id == newer.ContactId || id == older.ContactId || id == decided.ContactId);
        Assert.Equal([older.ContactId, newer.ContactId], ours);
    }

    [Fact]
    public async Task The_queue_returns_at_most_the_page_asked_for()
    {
        await triage.ReceiveAsync();
        await triage.ReceiveAsync();

        Assert.Single((await triage.Service.ListQueue(new ListQueueRequest { PageSize = 1 }, context)).Items);
    }

    [Fact]
    public async Task A_first_rating_sets_the_rag_and_announces_it_with_no_previous_rag()
    {
        var received = await triage.ReceiveAsync();

        var item = await triage.Service.RateContact(Rate(received.ContactId, Rag.Amber, "bruising seen at school"), context);

        Assert.Equal(Rag.Amber, item.Rag);
        var rated = Assert.Single(await RatedEventsAsync(received.ContactId));
        Assert.Equal((Rag.Amber, Rag.Unspecified, "sw-1", "bruising seen at school"), (rated.Rag, rated.PreviousRag, rated.PractitionerId, rated.Reason));
        Assert.Equal(Timestamp.FromDateTimeOffset(triage.Time.Now), rated.OccurredAt);
        Assert.False(string.IsNullOrEmpty(rated.EventId));
    }

    [Fact]
    public async Task Every_rating_is_kept_with_who_when_why_and_from_which_rag()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(Rate(received.ContactId, Rag.Red, "first look"), context);
        triage.Time.Now = triage.Time.Now.AddMinutes(20);
        await triage.Service.RateContact(Rate(received.ContactId, Rag.Amber, "police check: known family"), context);

        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM contact_ratings WHERE contact_id = $1 AND rag = 'Red' AND previous_rag IS NULL AND reason = 'first look'", received.ContactId));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM contact_ratings WHERE contact_id = $1 AND rag = 'Amber' AND previous_rag = 'Red' AND practitioner_id = 'sw-1' AND rated_at = $2",
            received.ContactId, triage.Time.Now));
        Assert.Equal([(Rag.Red, Rag.Unspecified), (Rag.Amber, Rag.Red)], (await RatedEventsAsync(received.ContactId)).Select(e => (e.Rag, e.PreviousRag)));
    }

    [Fact]
    public async Task Rating_a_contact_with_the_rag_it_has_records_and_announces_nothing()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(Rate(received.ContactId, Rag.Red), context);

        var item = await triage.Service.RateContact(Rate(received.ContactId, Rag.Red), context);

        Assert.Equal(Rag.Red, item.Rag);
        Assert.Single(await RatedEventsAsync(received.ContactId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", received.ContactId));
    }

    [Fact]
    public async Task Rating_an_unknown_contact_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RateContact(Rate(Guid.NewGuid().ToString(), Rag.Red), context));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_contact_id_that_is_not_a_uuid_is_an_invalid_argument_naming_it_not_an_unknown_contact()
    {
        var rating = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RateContact(Rate("c-nobody", Rag.Red), context));
        var history = await Assert.ThrowsAsync<RpcException>(() => triage.Service.GetRatingHistory(new GetRatingHistoryRequest { ContactId = "c-nobody" }, context));

        foreach (var error in new[] { rating, history })
        {
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal("contact_id", Assert.Single(Assert.Single(error.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
        }
    }

    [Fact]
    public async Task Rating_a_decided_contact_fails_its_precondition_and_changes_nothing()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(Rate(received.ContactId, Rag.Red), context);
        await triage.Service.RecordDecision(Decide(received.ContactId), context);

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RateContact(Rate(received.ContactId, Rag.Green), context));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Single(await RatedEventsAsync(received.ContactId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM queue_items WHERE contact_id = $1 AND rag = 'Red'", received.ContactId));
    }

    [Fact]
    public async Task A_malformed_rating_is_an_invalid_argument_naming_its_fields()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.RateContact(new RateContactRequest { ContactId = Guid.NewGuid().ToString(), Rag = Rag.Unspecified }, context));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var details = Assert.Single(error.GetRpcStatus()!.Details).Unpack<BadRequest>();
        Assert.Equal(["rag"], details.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_decision_is_recorded_announced_and_leaves_the_queue()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(Rate(received.ContactId, Rag.Amber), context);

        var item = await triage.Service.RecordDecision(Decide(received.ContactId, thresholdMet: true), context);

        Assert.True(item.Decided);
        Assert.True(item.ThresholdMet);
        var decided = Assert.Single(await DecidedEventsAsync(received.ContactId));
        Assert.Equal((true, "sw-1", "risk of significant harm"), (decided.ThresholdMet, decided.PractitionerId, decided.Rationale));
        Assert.Equal(Timestamp.FromDateTimeOffset(triage.Time.Now), decided.OccurredAt);
        var queue = await triage.Service.ListQueue(new ListQueueRequest { PageSize = 500 }, context);
        Assert.DoesNotContain(queue.Items, i => i.ContactId == received.ContactId);
    }

    [Fact]
    public async Task Deciding_an_unrated_contact_fails_its_precondition()
    {
        var received = await triage.ReceiveAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RecordDecision(Decide(received.ContactId), context));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Empty(await DecidedEventsAsync(received.ContactId));
    }

    [Fact]
    public async Task Deciding_an_unknown_contact_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RecordDecision(Decide(Guid.NewGuid().ToString()), context));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Recording_the_same_decision_again_returns_it_without_announcing_it_twice()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(Rate(received.ContactId, Rag.Red), context);
        await triage.Service.RecordDecision(Decide(received.ContactId), context);

        var again = await triage.Service.RecordDecision(Decide(received.ContactId), context);

        Assert.True(again.Decided && again.ThresholdMet);
        Assert.Single(await DecidedEventsAsync(received.ContactId));
    }

    [Fact]
    public async Task A_different_decision_on_a_decided_contact_fails_its_precondition_and_changes_nothing()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(Rate(received.ContactId, Rag.Red), context);
        await triage.Service.RecordDecision(Decide(received.ContactId, thresholdMet: true), context);

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RecordDecision(Decide(received.ContactId, thresholdMet: false), context));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Single(await DecidedEventsAsync(received.ContactId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM threshold_decisions WHERE contact_id = $1 AND threshold_met", received.ContactId));
    }

    [Fact]
    public async Task A_malformed_decision_is_an_invalid_argument_naming_its_field()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.RecordDecision(new RecordDecisionRequest { ContactId = Guid.NewGuid().ToString(), ThresholdMet = true }, context));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("rationale", Assert.Single(Assert.Single(error.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task A_negative_page_size_is_an_invalid_argument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.ListQueue(new ListQueueRequest { PageSize = -5 }, context));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }
}
