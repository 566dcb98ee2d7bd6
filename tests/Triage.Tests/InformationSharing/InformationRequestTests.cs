using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.InformationSharing;

/// <summary>Point 4 (R5, T2): the MASH asks partner agencies, each answers with its own credentials, response times in bands.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class InformationRequestTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext practitioner = Callers.Practitioner("sw-5");

    private Task<InformationRequest> AskAsync(string contactId, string agency) =>
        triage.Service.RequestInformation(new RequestInformationRequest { ContactId = contactId, AgencyId = agency, Question = "Is the child registered with a GP?" }, practitioner);

    private Task<InformationRequest> AnswerAsync(string requestId, string agency, string answer = "Registered; seen last month") =>
        triage.Service.AnswerInformationRequest(new AnswerInformationRequestRequest { RequestId = requestId, Answer = answer }, Callers.Agency(agency));

    [Fact]
    public async Task A_request_is_kept_with_who_asked_when_and_by_when_and_announced()
    {
        var health = triage.NewAgency();
        var received = await triage.ReceiveAsync();

        var request = await AskAsync(received.ContactId, health);

        Assert.Equal((health, "sw-5", triage.Time.Now, triage.Time.Now.AddHours(4)),
            (request.AgencyId, request.RequestedBy, request.RequestedAt.ToDateTimeOffset(), request.DueAt.ToDateTimeOffset()));
        var requested = Assert.Single(await database.OutboxAsync<InformationRequested>(received.ContactId, e => e.ContactId));
        Assert.Equal((request.RequestId, health, "sw-5"), (requested.RequestId, requested.AgencyId, requested.RequestedBy));
    }

    [Fact]
    public async Task The_agency_asked_answers_and_its_response_time_is_banded_and_announced()
    {
        var health = triage.NewAgency();
        var received = await triage.ReceiveAsync();
        var request = await AskAsync(received.ContactId, health);
        triage.Time.Now = triage.Time.Now.AddHours(6);

        var answered = await AnswerAsync(request.RequestId, health);

        Assert.Equal(("Registered; seen last month", health, "5–7 h"), (answered.Answer, answered.AnsweredBy, answered.ResponseBand));
        var provided = Assert.Single(await database.OutboxAsync<InformationProvided>(received.ContactId, e => e.ContactId));
        Assert.Equal(("5–7 h", triage.Time.Now), (provided.ResponseBand, provided.OccurredAt.ToDateTimeOffset()));
    }

    [Fact]
    public async Task Another_agency_is_denied_on_record_and_nothing_changes()
    {
        var health = triage.NewAgency();
        var received = await triage.ReceiveAsync();
        var request = await AskAsync(received.ContactId, health);

        var error = await Assert.ThrowsAsync<RpcException>(() => AnswerAsync(request.RequestId, "police-west"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Empty(await database.OutboxAsync<InformationProvided>(received.ContactId, e => e.ContactId));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE actor_id = 'police-west' AND agency_id = 'police-west' AND record_id = $1 AND outcome = 'denied'", request.RequestId));
    }

    [Fact]
    public async Task Asking_an_agency_the_partnership_does_not_have_is_an_invalid_argument_naming_agency_id()
    {
        var received = await triage.ReceiveAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => AskAsync(received.ContactId, $"agency-{Guid.NewGuid():N}"));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("agency_id", Assert.Single(Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM information_requests WHERE contact_id = $1", received.ContactId));
        Assert.Empty(await database.OutboxAsync<InformationRequested>(received.ContactId, e => e.ContactId));
    }

    [Fact]
    public async Task A_second_different_answer_fails_its_precondition_and_the_same_again_is_a_retry()
    {
        var health = triage.NewAgency();
        var received = await triage.ReceiveAsync();
        var request = await AskAsync(received.ContactId, health);
        await AnswerAsync(request.RequestId, health, "registered");

        var retry = await AnswerAsync(request.RequestId, health, "registered");
        var error = await Assert.ThrowsAsync<RpcException>(() => AnswerAsync(request.RequestId, health, "not registered"));

        Assert.Equal("registered", retry.Answer);
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Single(await database.OutboxAsync<InformationProvided>(received.ContactId, e => e.ContactId));
    }

    [Fact]
    public async Task An_agency_lists_what_was_asked_of_it_and_a_practitioner_what_was_asked_about_a_contact()
    {
        var health = triage.NewAgency();
        var first = await triage.ReceiveAsync();
        var second = await triage.ReceiveAsync();
        var asked = await AskAsync(first.ContactId, health);
        await AskAsync(second.ContactId, health);
        await AskAsync(first.ContactId, triage.NewAgency());
        await AnswerAsync(asked.RequestId, health);

        var open = await triage.Service.ListInformationRequests(new ListInformationRequestsRequest { OpenOnly = true }, Callers.Agency(health));
        var aboutFirst = await triage.Service.ListInformationRequests(new ListInformationRequestsRequest { ContactId = first.ContactId }, practitioner);

        Assert.Equal(second.ContactId, Assert.Single(open.Requests).ContactId);
        Assert.Equal(2, aboutFirst.Requests.Count);
    }

    [Fact]
    public async Task Response_times_are_counted_by_band_agency_and_period()
    {
        var health = triage.NewAgency();
        var asked = triage.Time.Now;
        foreach (var hours in new[] { 1, 3, 6, 10, 20 })
        {
            triage.Time.Now = asked;
            var request = await AskAsync((await triage.ReceiveAsync()).ContactId, health);
            triage.Time.Now = asked.AddHours(hours);
            await AnswerAsync(request.RequestId, health);
        }

        var counts = await triage.Service.CountResponseTimes(new CountResponseTimesRequest
        {
            Window = new() { From = Timestamp.FromDateTimeOffset(asked.AddDays(-1)), To = Timestamp.FromDateTimeOffset(asked.AddDays(2)), Period = Period.Month },
        }, practitioner);

        Assert.Equal([("5–7 h", 1L), ("7–15 h", 1L), ("later", 1L), ("within 4 h", 2L)],
            counts.Counts.Where(c => c.AgencyId == health).Select(c => (c.Band, c.Count)));
    }

    [Fact]
    public async Task A_decided_contact_asks_nothing_more()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Green }, practitioner);
        await triage.Service.RecordDecision(new RecordDecisionRequest { ContactId = received.ContactId, Rationale = "advice" }, practitioner);

        var error = await Assert.ThrowsAsync<RpcException>(() => AskAsync(received.ContactId, "health-north"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task Asking_about_an_unknown_contact_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => AskAsync(Guid.NewGuid().ToString(), "health-north"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task The_requests_of_an_unknown_contact_are_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.ListInformationRequests(new ListInformationRequestsRequest { ContactId = Guid.NewGuid().ToString() }, practitioner));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Answering_an_unknown_request_is_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => AnswerAsync(Guid.NewGuid().ToString(), "health-north"));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_request_without_agency_or_question_is_an_invalid_argument_naming_both()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            triage.Service.RequestInformation(new RequestInformationRequest { ContactId = Guid.NewGuid().ToString() }, practitioner));

        Assert.Equal(["agency_id", "question"], Assert.Single(error.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_deadline_before_asking_is_an_invalid_argument()
    {
        var received = await triage.ReceiveAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RequestInformation(new RequestInformationRequest
        {
            ContactId = received.ContactId, AgencyId = "health-north", Question = "?", DueAt = Timestamp.FromDateTimeOffset(triage.Time.Now.AddHours(-1)),
        }, practitioner));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM information_requests WHERE contact_id = $1", received.ContactId));
    }
}
