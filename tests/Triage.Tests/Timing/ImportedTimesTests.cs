using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Timing;

/// <summary>Point 7: an importer replays a legacy case system with its own times; everyone else acts on the server's clock.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class ImportedTimesTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext importer = Callers.Importer();

    private static Timestamp At(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    [Fact]
    public async Task An_importer_gives_each_action_its_own_time_and_the_events_carry_it()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 60 * 24 * 30);
        var receivedAt = received.OccurredAt.ToDateTimeOffset();
        var health = triage.NewAgency();

        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Amber, OccurredAt = At(receivedAt.AddHours(1)) }, importer);
        var request = await triage.Service.RequestInformation(new RequestInformationRequest
        {
            ContactId = received.ContactId, AgencyId = health, Question = "known?", OccurredAt = At(receivedAt.AddHours(2)),
        }, importer);
        await triage.Service.AnswerInformationRequest(new AnswerInformationRequestRequest
        {
            RequestId = request.RequestId, Answer = "yes", OccurredAt = At(receivedAt.AddHours(10)),
        }, importer);
        await triage.Service.RecordDecision(new RecordDecisionRequest
        {
            ContactId = received.ContactId, ThresholdMet = true, Rationale = "imported", OccurredAt = At(receivedAt.AddHours(20)),
        }, importer);

        var rated = Assert.Single(await database.OutboxAsync<ContactRated>(received.ContactId, e => e.ContactId));
        var provided = Assert.Single(await database.OutboxAsync<InformationProvided>(received.ContactId, e => e.ContactId));
        var decided = Assert.Single(await database.OutboxAsync<DecisionRecorded>(received.ContactId, e => e.ContactId));
        Assert.Equal((receivedAt.AddHours(1), triage.Time.Now), (rated.OccurredAt.ToDateTimeOffset(), rated.RecordedAt.ToDateTimeOffset()));
        Assert.Equal(("7–15 h", receivedAt.AddHours(10)), (provided.ResponseBand, provided.OccurredAt.ToDateTimeOffset()));
        Assert.Equal((receivedAt.AddHours(20), triage.Time.Now), (decided.OccurredAt.ToDateTimeOffset(), decided.RecordedAt.ToDateTimeOffset()));
    }

    [Fact]
    public async Task A_practitioner_giving_a_time_is_denied_on_record_and_nothing_changes()
    {
        var received = await triage.ReceiveAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RateContact(
            new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red, OccurredAt = At(triage.Time.Now.AddMinutes(-5)) }, Callers.Practitioner("sw-7")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", received.ContactId));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE actor_id = 'sw-7' AND record_id = $1 AND outcome = 'denied' AND occurred_at = $2", received.ContactId, triage.Time.Now));
    }

    [Fact]
    public async Task A_time_in_the_future_is_an_invalid_argument()
    {
        var received = await triage.ReceiveAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RateContact(
            new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red, OccurredAt = At(triage.Time.Now.AddMinutes(1)) }, importer));

        Assert.Equal("occurred_at", Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", received.ContactId));
    }

    [Fact]
    public async Task A_time_before_the_contact_was_received_is_an_invalid_argument_and_nothing_changes()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 60);
        var before = received.OccurredAt.ToDateTimeOffset().AddMinutes(-1);

        var rating = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RateContact(
            new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red, OccurredAt = At(before) }, importer));
        var escalation = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RaiseEscalation(new RaiseEscalationRequest
        {
            ContactId = received.ContactId, Kind = EscalationKind.BetweenAgencies, RaisedByAgency = "health-north", About = "rag", Detail = "x", OccurredAt = At(before),
        }, importer));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (rating.StatusCode, escalation.StatusCode));
        Assert.Empty(await database.OutboxAsync<ContactRated>(received.ContactId, e => e.ContactId));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM escalations WHERE contact_id = $1", received.ContactId));
    }

    [Fact]
    public async Task An_imported_decision_before_the_rating_it_rests_on_is_an_invalid_argument()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 600);
        var receivedAt = received.OccurredAt.ToDateTimeOffset();
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red, OccurredAt = At(receivedAt.AddHours(3)) }, importer);

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RecordDecision(new RecordDecisionRequest
        {
            ContactId = received.ContactId, ThresholdMet = true, Rationale = "x", OccurredAt = At(receivedAt.AddHours(2)),
        }, importer));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Counts_go_by_when_things_happened_not_when_they_were_imported()
    {
        var agency = triage.NewAgency();
        var received = await triage.ReceiveAsync(minutesAgo: 60 * 24 * 200, agencyId: agency);
        var receivedAt = received.OccurredAt.ToDateTimeOffset();
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red, OccurredAt = At(receivedAt.AddHours(1)) }, importer);
        await triage.Service.RecordDecision(new RecordDecisionRequest
        {
            ContactId = received.ContactId, ThresholdMet = true, Rationale = "x", OccurredAt = At(receivedAt.AddHours(2)),
        }, importer);

        var counts = await triage.Service.CountConversions(new CountConversionsRequest
        {
            Window = new() { From = At(receivedAt.AddDays(-1)), To = At(receivedAt.AddDays(1)), Period = Period.Day },
        }, Callers.Practitioner());

        Assert.Equal(new DateTimeOffset(receivedAt.UtcDateTime.Date, TimeSpan.Zero), Assert.Single(counts.Counts, c => c.AgencyId == agency).PeriodStart.ToDateTimeOffset());
    }

    [Fact]
    public async Task An_imported_rating_replayed_is_done_and_changes_nothing_even_after_the_decision()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 600);
        var receivedAt = received.OccurredAt.ToDateTimeOffset();
        RateContactRequest Rating(Rag rag, int hours, string reason = "") =>
            new() { ContactId = received.ContactId, Rag = rag, Reason = reason, OccurredAt = At(receivedAt.AddHours(hours)) };
        await triage.Service.RateContact(Rating(Rag.Red, 1), importer);
        await triage.Service.RateContact(Rating(Rag.Amber, 2, "police checks back"), importer);

        var beforeTheDecision = await triage.Service.RateContact(Rating(Rag.Red, 1), importer);   // the importer run again
        await triage.Service.RecordDecision(new RecordDecisionRequest
        {
            ContactId = received.ContactId, ThresholdMet = true, Rationale = "imported", OccurredAt = At(receivedAt.AddHours(3)),
        }, importer);
        var afterTheDecision = await triage.Service.RateContact(Rating(Rag.Amber, 2, "police checks back"), importer);
        var notInTheHistory = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RateContact(Rating(Rag.Green, 1), importer));

        Assert.Equal((Rag.Amber, Rag.Amber), (beforeTheDecision.Rag, afterTheDecision.Rag));
        Assert.Equal(StatusCode.FailedPrecondition, notInTheHistory.StatusCode);
        Assert.Equal(2, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", received.ContactId));
        Assert.Equal(2, (await database.OutboxAsync<ContactRated>(received.ContactId, e => e.ContactId)).Count);
    }

    [Fact]
    public async Task An_imported_request_replayed_is_answered_with_the_request_made_before()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 600);
        var receivedAt = received.OccurredAt.ToDateTimeOffset();
        var health = triage.NewAgency();
        RequestInformationRequest Asking(string agencyId) =>
            new() { ContactId = received.ContactId, AgencyId = agencyId, Question = "known?", OccurredAt = At(receivedAt.AddHours(1)) };
        var first = await triage.Service.RequestInformation(Asking(health), importer);
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Green, OccurredAt = At(receivedAt.AddHours(2)) }, importer);
        await triage.Service.RecordDecision(new RecordDecisionRequest
        {
            ContactId = received.ContactId, ThresholdMet = false, Rationale = "imported", OccurredAt = At(receivedAt.AddHours(3)),
        }, importer);

        var again = await triage.Service.RequestInformation(Asking(health), importer);   // the importer run again, after the decision
        var ofAnother = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RequestInformation(Asking(triage.NewAgency()), importer));

        Assert.Equal(first.RequestId, again.RequestId);
        Assert.Equal(StatusCode.FailedPrecondition, ofAnother.StatusCode);
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM information_requests WHERE contact_id = $1", received.ContactId));
        Assert.Single(await database.OutboxAsync<InformationRequested>(received.ContactId, e => e.ContactId));
    }
}
