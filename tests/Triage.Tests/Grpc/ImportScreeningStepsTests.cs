using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Grpc;

/// <summary>
/// An importer's screening steps, many a call (ImportScreeningSteps): each taken in order exactly as
/// its own RPC takes it, answered with what that RPC would have answered; importers only.
/// </summary>
[Collection(TriageDatabaseCollection.Name)]
public sealed class ImportScreeningStepsTests(TriageDatabase database)
{
    private const string ImportMethod = "/mash.triage.v1.TriageService/ImportScreeningSteps";

    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext importer = Callers.Importer();

    private static Timestamp At(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);

    private static ScreeningStep Rating(string contactId, Rag rag, DateTimeOffset at, string reason = "") =>
        new() { Rating = new RateContactRequest { ContactId = contactId, Rag = rag, Reason = reason, OccurredAt = At(at) } };

    private static ScreeningStep Asking(string contactId, string agencyId, DateTimeOffset at) =>
        new() { InformationRequest = new RequestInformationRequest { ContactId = contactId, AgencyId = agencyId, Question = "Known to you?", OccurredAt = At(at) } };

    private static ScreeningStep Answering(string requestId, DateTimeOffset at, string answer = "Known: a health visitor is involved.") =>
        new() { Answer = new AnswerInformationRequestRequest { RequestId = requestId, Answer = answer, OccurredAt = At(at) } };

    private static ScreeningStep Deciding(string contactId, DateTimeOffset at, bool thresholdMet = true) =>
        new() { Decision = new RecordDecisionRequest { ContactId = contactId, ThresholdMet = thresholdMet, Rationale = "imported", OccurredAt = At(at) } };

    private static ImportScreeningStepsRequest Batch(params ScreeningStep[] steps) => new() { Steps = { steps } };

    private Task<ImportStepResults> ImportAsync(params ScreeningStep[] steps) => triage.Service.ImportScreeningSteps(Batch(steps), importer);

    private static IEnumerable<StatusCode> Codes(ImportStepResults results) => results.Results.Select(r => (StatusCode)r.Code);

    /// <summary>A contact received ten hours before the test's now, and when.</summary>
    private async Task<(string ContactId, DateTimeOffset ReceivedAt)> ReceivedAsync()
    {
        var received = await triage.ReceiveAsync(minutesAgo: 600);
        return (received.ContactId, received.OccurredAt.ToDateTimeOffset());
    }

    /// <summary>An information request made before the batch (its id is Triage's: the importer learns it from the call that made it).</summary>
    private async Task<string> AskedBeforeAsync(string contactId, string agencyId, DateTimeOffset at) =>
        (await triage.Service.RequestInformation(Asking(contactId, agencyId, at).InformationRequest, importer)).RequestId;

    private async Task<long> RowsAsync(string table, string contactId) =>
        await database.CountAsync($"SELECT count(*) FROM {table} WHERE contact_id = $1", contactId);

    [Fact]
    public async Task An_importers_rating_request_answer_and_decision_are_taken_in_order_and_the_request_answers_its_id()
    {
        var (contactId, receivedAt) = await ReceivedAsync();
        var (health, police) = (triage.NewAgency(), triage.NewAgency());
        var earlier = await AskedBeforeAsync(contactId, health, receivedAt.AddHours(1));

        var results = await ImportAsync(
            Rating(contactId, Rag.Red, receivedAt.AddHours(2)),
            Rating(contactId, Rag.Amber, receivedAt.AddHours(3), "police checks back"),
            Asking(contactId, police, receivedAt.AddHours(4)),
            Answering(earlier, receivedAt.AddHours(5)),
            Deciding(contactId, receivedAt.AddHours(6)));

        Assert.All(results.Results, r => Assert.Equal((0, ""), (r.Code, r.Message)));
        var history = await triage.Service.GetRatingHistory(new GetRatingHistoryRequest { ContactId = contactId }, Callers.Practitioner());
        Assert.Equal(
            [(Rag.Red, Rag.Unspecified, "legacy-import", At(receivedAt.AddHours(2))), (Rag.Amber, Rag.Red, "legacy-import", At(receivedAt.AddHours(3)))],
            history.Ratings.Select(r => (r.Rag, r.PreviousRag, r.RatedBy, r.RatedAt)));
        var requests = (await triage.Service.ListInformationRequests(new ListInformationRequestsRequest { ContactId = contactId }, Callers.Practitioner())).Requests;
        var asked = Assert.Single(requests, r => r.AgencyId == police);
        Assert.Equal(["", "", asked.RequestId, "", ""], results.Results.Select(r => r.RecordId));
        Assert.Equal(("", At(receivedAt.AddHours(4))), (asked.Answer, asked.RequestedAt));
        var answered = Assert.Single(requests, r => r.AgencyId == health);
        Assert.Equal((earlier, "Known: a health visitor is involved.", At(receivedAt.AddHours(5))), (answered.RequestId, answered.Answer, answered.AnsweredAt));
        var decided = Assert.Single(await database.OutboxAsync<DecisionRecorded>(contactId, e => e.ContactId));
        Assert.Equal((true, At(receivedAt.AddHours(6))), (decided.ThresholdMet, decided.OccurredAt));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM threshold_decisions WHERE contact_id = $1 AND practitioner_id = 'legacy-import' AND rag = 'Amber' AND decided_at = $2", contactId, receivedAt.AddHours(6)));
    }

    [Fact]
    public async Task A_batch_leaves_a_contact_as_the_same_single_calls_leave_its_twin()
    {
        var (batched, receivedAt) = await ReceivedAsync();
        var single = (await triage.ReceiveAsync(minutesAgo: 600)).ContactId;
        var (health, police) = (triage.NewAgency(), triage.NewAgency());
        ScreeningStep[] StepsFor(string contactId, string earlier) =>
        [
            Rating(contactId, Rag.Green, receivedAt.AddHours(1)),
            Rating(contactId, Rag.Red, receivedAt.AddHours(2), "disclosure at school"),
            Asking(contactId, police, receivedAt.AddHours(3)),
            Answering(earlier, receivedAt.AddHours(4), "Two call-outs this year."),
            Deciding(contactId, receivedAt.AddHours(5), thresholdMet: false),
        ];
        var batchedEarlier = await AskedBeforeAsync(batched, health, receivedAt.AddMinutes(30));
        var singleEarlier = await AskedBeforeAsync(single, health, receivedAt.AddMinutes(30));

        await ImportAsync(StepsFor(batched, batchedEarlier));
        foreach (var step in StepsFor(single, singleEarlier))
        {
            _ = step.StepCase switch
            {
                ScreeningStep.StepOneofCase.Rating => await triage.Service.RateContact(step.Rating, importer) as object,
                ScreeningStep.StepOneofCase.InformationRequest => await triage.Service.RequestInformation(step.InformationRequest, importer),
                ScreeningStep.StepOneofCase.Answer => await triage.Service.AnswerInformationRequest(step.Answer, importer),
                _ => await triage.Service.RecordDecision(step.Decision, importer),
            };
        }

        Assert.Equal(await StoryOfAsync(single), await StoryOfAsync(batched));
    }

    /// <summary>What screening left of a contact, without its ids: ratings, requests and answers, the decision, and the events announced.</summary>
    private async Task<string> StoryOfAsync(string contactId)
    {
        var practitioner = Callers.Practitioner();
        var ratings = (await triage.Service.GetRatingHistory(new GetRatingHistoryRequest { ContactId = contactId }, practitioner)).Ratings
            .Select(r => $"{r.Rag} from {r.PreviousRag} by {r.RatedBy} at {r.RatedAt} because {r.Reason}");
        var requests = (await triage.Service.ListInformationRequests(new ListInformationRequestsRequest { ContactId = contactId }, practitioner)).Requests
            .OrderBy(r => r.RequestedAt.ToDateTimeOffset())
            .Select(r => $"{r.AgencyId} asked at {r.RequestedAt} due {r.DueAt} by {r.RequestedBy}: {r.Answer} by {r.AnsweredBy} at {r.AnsweredAt} ({r.ResponseBand})");
        var decision = Assert.Single(await database.OutboxAsync<DecisionRecorded>(contactId, e => e.ContactId));
        var events = string.Join(", ",
            (await database.OutboxAsync<ContactRated>(contactId, e => e.ContactId)).Count,
            (await database.OutboxAsync<InformationRequested>(contactId, e => e.ContactId)).Count,
            (await database.OutboxAsync<InformationProvided>(contactId, e => e.ContactId)).Count);
        var decided = $"decided {decision.ThresholdMet} by {decision.PractitionerId} at {decision.OccurredAt} on {decision.Rag} from {decision.InitialRag} after {decision.RatingChanges} changes";
        return string.Join("\n", ratings.Concat(requests).Append(decided).Append($"events {events}"));
    }

    [Fact]
    public async Task Steps_are_taken_in_the_requests_order_so_a_decision_before_any_rating_is_refused_as_its_own_rpc_refuses_it()
    {
        var (contactId, receivedAt) = await ReceivedAsync();
        var (twin, _) = await ReceivedAsync();
        var alone = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RecordDecision(Deciding(twin, receivedAt.AddHours(2)).Decision, importer));

        var results = await ImportAsync(Deciding(contactId, receivedAt.AddHours(2)), Rating(contactId, Rag.Red, receivedAt.AddHours(1)));

        Assert.Equal([alone.StatusCode, StatusCode.OK], Codes(results));
        Assert.Equal(StatusCode.FailedPrecondition, alone.StatusCode);
        Assert.Equal(alone.Status.Detail.Replace(twin, contactId, StringComparison.Ordinal), results.Results[0].Message);
        Assert.Equal((0L, 1L), (await RowsAsync("threshold_decisions", contactId), await RowsAsync("contact_ratings", contactId)));
    }

    [Fact]
    public async Task A_call_of_many_contacts_answers_and_stores_each_as_its_single_calls_do_for_its_twin()
    {
        var receivedAt = (await ReceivedAsync()).ReceivedAt;
        var health = triage.NewAgency();
        // Six fates, each for ten contacts: rated; rated then decided; decided before any rating
        // (refused); rated before it was received (refused); asked of an agency; an earlier request
        // answered. The call holds the contacts' first steps, then their second, as an importer's
        // many children send them.
        ScreeningStep[] StepsFor(string contactId, string earlier, int n) => (n % 6) switch
        {
            0 => [Rating(contactId, Rag.Red, receivedAt.AddHours(1))],
            1 => [Rating(contactId, Rag.Amber, receivedAt.AddHours(1)), Deciding(contactId, receivedAt.AddHours(2), thresholdMet: false)],
            2 => [Deciding(contactId, receivedAt.AddHours(2))],
            3 => [Rating(contactId, Rag.Green, receivedAt.AddHours(-1))],
            4 => [Asking(contactId, health, receivedAt.AddHours(1))],
            _ => [Answering(earlier, receivedAt.AddHours(3), $"Known to the health visitor: note {n}.")],
        };
        var pairs = new List<(string Batched, string BatchedEarlier, string Single, string SingleEarlier, int N)>();
        for (var i = 0; i < 60; i++)
        {
            var (batched, single) = ((await triage.ReceiveAsync(minutesAgo: 600)).ContactId, (await triage.ReceiveAsync(minutesAgo: 600)).ContactId);
            pairs.Add((batched, await AskedBeforeAsync(batched, health, receivedAt.AddMinutes(30)), single, await AskedBeforeAsync(single, health, receivedAt.AddMinutes(30)), i));
        }
        ScreeningStep[] InCallOrder(Func<(string, string, string, string, int), ScreeningStep[]> steps) =>
            [.. pairs.SelectMany(p => steps(p).Take(1)), .. pairs.SelectMany(p => steps(p).Skip(1))];

        var results = await ImportAsync(InCallOrder(p => StepsFor(p.Item1, p.Item2, p.Item5)));
        var again = await ImportAsync(InCallOrder(p => StepsFor(p.Item1, p.Item2, p.Item5)));
        var alone = new List<(StatusCode, string)>();
        foreach (var step in InCallOrder(p => StepsFor(p.Item3, p.Item4, p.Item5)))
        {
            alone.Add(await SingleCallAsync(step));
            await SingleCallAsync(step);
        }

        var twinOf = pairs.ToDictionary(p => p.Single, p => p.Batched);
        Assert.Equal(
            alone.Select(a => (a.Item1, twinOf.Aggregate(a.Item2, (message, twin) => message.Replace(twin.Key, twin.Value, StringComparison.Ordinal)))),
            results.Results.Select(r => ((StatusCode)r.Code, r.Message)));
        Assert.Equal(20, results.Results.Count(r => r.Code != 0));
        Assert.Equal(10, results.Results.Count(r => r.RecordId != ""));
        Assert.Equal(results, again);
        foreach (var (batched, _, single, _, _) in pairs)
        {
            Assert.Equal(await ScreenedAsync(single), await ScreenedAsync(batched));
        }
    }

    /// <summary>A step as its own RPC, by the importer: its status and detail (the call above is sent twice, so these are too).</summary>
    private async Task<(StatusCode, string)> SingleCallAsync(ScreeningStep step)
    {
        try
        {
            _ = step.StepCase switch
            {
                ScreeningStep.StepOneofCase.Rating => await triage.Service.RateContact(step.Rating, importer) as object,
                ScreeningStep.StepOneofCase.InformationRequest => await triage.Service.RequestInformation(step.InformationRequest, importer),
                ScreeningStep.StepOneofCase.Answer => await triage.Service.AnswerInformationRequest(step.Answer, importer),
                _ => await triage.Service.RecordDecision(step.Decision, importer),
            };
            return (StatusCode.OK, "");
        }
        catch (RpcException refused)
        {
            return (refused.StatusCode, refused.Status.Detail);
        }
    }

    /// <summary>A contact's ratings, decision and events, without its id.</summary>
    private async Task<string> ScreenedAsync(string contactId)
    {
        var ratings = await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1", contactId);
        var rated = (await database.OutboxAsync<ContactRated>(contactId, e => e.ContactId)).Select(e => $"{e.Rag} from {e.PreviousRag} at {e.OccurredAt} for {e.AgencyId}");
        var decided = (await database.OutboxAsync<DecisionRecorded>(contactId, e => e.ContactId))
            .Select(e => $"{e.ThresholdMet} at {e.OccurredAt} on {e.Rag} from {e.InitialRag} after {e.RatingChanges} for {e.AgencyId}");
        await using var queue = database.DataSource.CreateCommand("SELECT concat_ws(', ', rag, rated_at, due_at, decided_at) FROM queue_items WHERE contact_id = $1");
        queue.Parameters.Add(new() { Value = contactId });
        var requests = (await triage.Service.ListInformationRequests(new ListInformationRequestsRequest { ContactId = contactId }, Callers.Practitioner())).Requests
            .OrderBy(r => r.RequestedAt.ToDateTimeOffset())
            .Select(r => $"asked at {r.RequestedAt} due {r.DueAt}: {r.Answer} by {r.AnsweredBy} at {r.AnsweredAt} ({r.ResponseBand})");
        var informed = (await database.OutboxAsync<InformationRequested>(contactId, e => e.ContactId)).Select(e => $"asked at {e.OccurredAt} due {e.DueAt}")
            .Concat((await database.OutboxAsync<InformationProvided>(contactId, e => e.ContactId)).Select(e => $"answered at {e.OccurredAt} ({e.ResponseBand})"));
        return string.Join("; ", rated.Concat(decided).Concat(requests).Concat(informed).Append($"{ratings} ratings; queue item {await queue.ExecuteScalarAsync()}"));
    }

    [Fact]
    public async Task A_step_for_a_contact_triage_has_not_heard_of_is_not_found_and_the_other_steps_are_taken()
    {
        var (contactId, receivedAt) = await ReceivedAsync();
        var unknown = Guid.NewGuid().ToString();
        var unknownRequest = Guid.NewGuid().ToString();

        var results = await ImportAsync(
            Rating(unknown, Rag.Red, receivedAt.AddHours(1)),
            Rating(contactId, Rag.Red, receivedAt.AddHours(1)),
            Asking(unknown, triage.NewAgency(), receivedAt.AddHours(2)),
            Answering(unknownRequest, receivedAt.AddHours(2)),
            Deciding(unknown, receivedAt.AddHours(3)),
            Deciding(contactId, receivedAt.AddHours(3)));

        Assert.Equal([StatusCode.NotFound, StatusCode.OK, StatusCode.NotFound, StatusCode.NotFound, StatusCode.NotFound, StatusCode.OK], Codes(results));
        Assert.Contains(unknown, results.Results[0].Message, StringComparison.Ordinal);
        Assert.Contains(unknownRequest, results.Results[3].Message, StringComparison.Ordinal);
        Assert.Equal((1L, 1L), (await RowsAsync("contact_ratings", contactId), await RowsAsync("threshold_decisions", contactId)));
        Assert.Equal((0L, 0L, 0L), (await RowsAsync("contact_ratings", unknown), await RowsAsync("information_requests", unknown), await RowsAsync("threshold_decisions", unknown)));
    }

    [Fact]
    public async Task A_step_naming_nothing_or_malformed_is_an_invalid_argument_and_the_other_steps_are_taken()
    {
        var (contactId, receivedAt) = await ReceivedAsync();

        var results = await ImportAsync(
            new ScreeningStep(),
            Rating("c-nobody", Rag.Red, receivedAt.AddHours(1)),
            Rating(contactId, Rag.Amber, receivedAt.AddHours(1)),
            Deciding(contactId, receivedAt.AddHours(2)));

        Assert.Equal([StatusCode.InvalidArgument, StatusCode.InvalidArgument, StatusCode.OK, StatusCode.OK], Codes(results));
        Assert.StartsWith("step: names no step", results.Results[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("contact_id:", results.Results[1].Message, StringComparison.Ordinal);
        Assert.Equal((1L, 1L), (await RowsAsync("contact_ratings", contactId), await RowsAsync("threshold_decisions", contactId)));
    }

    [Fact]
    public async Task More_than_a_thousand_steps_is_an_invalid_argument_naming_steps_and_nothing_changes()
    {
        var (contactId, receivedAt) = await ReceivedAsync();
        var steps = Enumerable.Range(0, ImportSteps.MaxPerCall + 1)
            .Select(i => i == ImportSteps.MaxPerCall ? Deciding(contactId, receivedAt.AddHours(2)) : Rating(contactId, Rag.Red, receivedAt.AddHours(1)))
            .ToArray();

        var refused = await Assert.ThrowsAsync<RpcException>(() => ImportAsync(steps));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("steps", Assert.Single(Assert.Single(refused.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
        Assert.Equal((0L, 0L), (await RowsAsync("contact_ratings", contactId), await RowsAsync("threshold_decisions", contactId)));
        Assert.Empty(await database.OutboxAsync<ContactRated>(contactId, e => e.ContactId));
    }

    [Fact]
    public async Task The_same_batch_sent_again_is_answered_ok_as_before_and_changes_nothing()
    {
        var (contactId, receivedAt) = await ReceivedAsync();
        var (health, police) = (triage.NewAgency(), triage.NewAgency());
        var earlier = await AskedBeforeAsync(contactId, health, receivedAt.AddHours(1));
        var batch = Batch(
            Rating(contactId, Rag.Red, receivedAt.AddHours(2)),
            Rating(contactId, Rag.Amber, receivedAt.AddHours(3), "police checks back"),
            Asking(contactId, police, receivedAt.AddHours(4)),
            Answering(earlier, receivedAt.AddHours(5)),
            Deciding(contactId, receivedAt.AddHours(6)));
        var first = await triage.Service.ImportScreeningSteps(batch, importer);
        triage.Time.Now = triage.Time.Now.AddMinutes(5);

        var again = await triage.Service.ImportScreeningSteps(batch, importer);

        Assert.Equal(first, again);
        Assert.All(again.Results, r => Assert.Equal(0, r.Code));
        Assert.NotEqual("", again.Results[2].RecordId);
        Assert.Equal(
            (2L, 1L, 2L, 1L),
            (await RowsAsync("contact_ratings", contactId), await RowsAsync("threshold_decisions", contactId),
             await RowsAsync("information_requests", contactId), await database.CountAsync("SELECT count(*) FROM information_requests WHERE contact_id = $1 AND answer IS NOT NULL", contactId)));
        Assert.Equal(
            (2, 2, 1, 1),
            ((await database.OutboxAsync<ContactRated>(contactId, e => e.ContactId)).Count, (await database.OutboxAsync<InformationRequested>(contactId, e => e.ContactId)).Count,
             (await database.OutboxAsync<InformationProvided>(contactId, e => e.ContactId)).Count, (await database.OutboxAsync<DecisionRecorded>(contactId, e => e.ContactId)).Count));
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Manager)]
    [InlineData(MashRoles.Agency)]
    public async Task Anyone_but_an_importer_is_permission_denied_over_a_real_port_on_record_and_nothing_changes(string role)
    {
        await using var server = await TriageServer.StartAsync(database, triage.Time);
        var (contactId, receivedAt) = await ReceivedAsync();
        var batch = Batch(Rating(contactId, Rag.Red, receivedAt.AddHours(1)), Deciding(contactId, receivedAt.AddHours(2)));
        var caller = role == MashRoles.Agency ? "police-west" : $"user-{Guid.NewGuid():N}";
        var credentials = role == MashRoles.Agency ? TestTokens.Bearer(TriageServer.PoliceWestToken) : TestTokens.Bearer(TestTokens.For(caller, role));

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.ImportScreeningStepsAsync(batch, credentials));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal((0L, 0L), (await RowsAsync("contact_ratings", contactId), await RowsAsync("threshold_decisions", contactId)));
        Assert.Empty(await database.OutboxAsync<ContactRated>(contactId, e => e.ContactId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = $1 AND action = $2 AND outcome = 'denied'", caller, ImportMethod));
    }

    [Fact]
    public async Task Over_a_real_port_an_importers_batch_is_taken_as_the_importer()
    {
        await using var server = await TriageServer.StartAsync(database, triage.Time);
        var (contactId, receivedAt) = await ReceivedAsync();
        var importerId = $"import-{Guid.NewGuid():N}";

        var results = await server.Client.ImportScreeningStepsAsync(
            Batch(Rating(contactId, Rag.Red, receivedAt.AddHours(1)), Deciding(contactId, receivedAt.AddHours(2))),
            TestTokens.Bearer(TestTokens.For(importerId, MashRoles.Importer)));

        Assert.Equal([StatusCode.OK, StatusCode.OK], Codes(results));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM contact_ratings WHERE contact_id = $1 AND practitioner_id = $2", contactId, importerId));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM threshold_decisions WHERE contact_id = $1 AND practitioner_id = $2", contactId, importerId));
    }
}
