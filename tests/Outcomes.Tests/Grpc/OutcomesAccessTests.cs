using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Grpc;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.Outcomes.Tests.Grpc;

/// <summary>
/// Who may do what in Outcomes, over a real gRPC port: practitioners and managers record outcomes
/// as themselves; board members and managers hold the outcome stream (its opening audited); nothing
/// without valid credentials, and a refusal changes nothing and is audited.
/// </summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class OutcomesAccessTests(OutcomesDatabase database) : IAsyncLifetime
{
    private const string SubscribeMethod = "/mash.outcomes.v1.OutcomesService/SubscribeOutcomes";
    private const string RecordMethod = "/mash.outcomes.v1.OutcomesService/RecordOutcome";
    private const string CorrectMethod = "/mash.outcomes.v1.OutcomesService/CorrectOutcome";
    private const string FeedbackMethod = "/mash.outcomes.v1.OutcomesService/RecordFeedback";
    private const string HistoryMethod = "/mash.outcomes.v1.OutcomesService/GetOutcomeHistory";

    /// <summary>A contact's id as Intake gives it; each test has a database of its own.</summary>
    private const string ContactId = "0b7d6a52-3f1e-4c8a-9d2b-5e6f7a8b9c01";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);
    private OutcomesUnderTest outcomes = null!;
    private GrpcTestHost host = null!;

    private NpgsqlDataSource DataSource => outcomes.DataSource;

    private OutcomesService.OutcomesServiceClient Client => new(host.Channel);

    public async Task InitializeAsync()
    {
        outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        host = await outcomes.StartGrpcAsync();
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static RecordOutcomeRequest Request(string contactId) => new() { ContactId = contactId, Outcome = "advice" };

    private async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Without_credentials_nothing_answers_and_nothing_is_recorded()
    {
        await outcomes.ContactAsync(ContactId);

        var record = await Assert.ThrowsAsync<RpcException>(async () => await Client.RecordOutcomeAsync(Request(ContactId)));
        using var stream = Client.SubscribeOutcomes(new SubscribeOutcomesRequest());
        var subscribe = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (record.StatusCode, subscribe.StatusCode));
        Assert.Equal(0, await DataSource.CountAsync("outcomes"));
    }

    [Fact]
    public async Task A_badly_signed_token_is_UNAUTHENTICATED()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.RecordOutcomeAsync(Request(ContactId), TestTokens.Bearer(TestTokens.BadlySigned("sw-1", MashRoles.Practitioner))));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Manager)]
    public async Task Practitioners_and_managers_record_an_outcome_as_themselves(string role)
    {
        await outcomes.ContactAsync(ContactId);

        await Client.RecordOutcomeAsync(Request(ContactId), TestTokens.Bearer(TestTokens.For("sw-5", role)));

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outcomes WHERE contact_id = $1 AND practitioner_id = 'sw-5'", ContactId));
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.Operations)]
    public async Task Other_staff_record_nothing_and_are_audited_as_denied(string role)
    {
        await outcomes.ContactAsync(ContactId);

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.RecordOutcomeAsync(Request(ContactId), TestTokens.Bearer(TestTokens.For("staff-1", role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(0, await DataSource.CountAsync("outcomes"));
        Assert.Empty(await outcomes.OutboxAsync());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = 'staff-1' AND action = $1 AND outcome = 'denied'", RecordMethod));
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Manager)]
    public async Task Board_members_and_managers_hold_the_outcome_stream_its_opening_audited(string role)
    {
        using var stream = Client.SubscribeOutcomes(new SubscribeOutcomesRequest(), TestTokens.Bearer(TestTokens.For("board-2", role)));
        await WaitUntilAsync(() => outcomes.Broadcaster.SubscriberCount == 1);
        await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = 'board-2' AND action = $1 AND outcome = 'allowed'", SubscribeMethod) == 1);

        outcomes.Broadcaster.Publish(new OutcomeRecorded { CaseRef = "ref-1", Outcome = "advice" });

        Assert.True(await stream.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        Assert.Equal("ref-1", stream.ResponseStream.Current.CaseRef);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.Operations)]
    public async Task Other_staff_are_denied_the_outcome_stream_and_audited(string role)
    {
        using var stream = Client.SubscribeOutcomes(new SubscribeOutcomesRequest(), TestTokens.Bearer(TestTokens.For("staff-2", role)));

        var refused = await Assert.ThrowsAsync<RpcException>(() => stream.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(0, outcomes.Broadcaster.SubscriberCount);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = 'staff-2' AND action = $1 AND outcome = 'denied'", SubscribeMethod));
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Manager)]
    public async Task Practitioners_and_managers_correct_an_outcome_as_themselves(string role)
    {
        await outcomes.ContactAsync(ContactId);
        await Client.RecordOutcomeAsync(Request(ContactId), TestTokens.Bearer(TestTokens.For("sw-5", role)));

        await Client.CorrectOutcomeAsync(Correction(ContactId), TestTokens.Bearer(TestTokens.For("sw-6", role)));

        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outcome_revisions WHERE contact_id = $1 AND revision = 2 AND practitioner_id = 'sw-6'", ContactId));
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.Operations)]
    public async Task Other_staff_correct_nothing_and_are_audited_as_denied(string role)
    {
        await outcomes.ContactAsync(ContactId);
        await Client.RecordOutcomeAsync(Request(ContactId), TestTokens.Bearer(TestTokens.For("sw-5", MashRoles.Practitioner)));

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.CorrectOutcomeAsync(Correction(ContactId), TestTokens.Bearer(TestTokens.For("staff-1", role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1, await DataSource.CountAsync("outcome_revisions"));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = 'staff-1' AND action = $1 AND outcome = 'denied'", CorrectMethod));
    }

    [Theory]
    [InlineData(MashRoles.Practitioner, "allowed")]
    [InlineData(MashRoles.Manager, "allowed")]
    [InlineData(MashRoles.BoardMember, "denied")]
    [InlineData(MashRoles.QualityLead, "denied")]
    public async Task Every_read_of_an_outcome_history_is_audited_and_only_practitioners_and_managers_read_it(string role, string audited)
    {
        await outcomes.ContactAsync(ContactId);
        await Client.RecordOutcomeAsync(Request(ContactId), TestTokens.Bearer(TestTokens.For("sw-5", MashRoles.Practitioner)));

        var read = Client.GetOutcomeHistoryAsync(new GetOutcomeHistoryRequest { ContactId = ContactId }, TestTokens.Bearer(TestTokens.For("reader-1", role)));

        if (audited == "allowed")
        {
            Assert.Equal("advice", Assert.Single((await read).Revisions).Outcome);
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(async () => await read)).StatusCode);
        }
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = 'reader-1' AND action = $1 AND outcome = $2", HistoryMethod, audited));
    }

    [Theory]
    [InlineData(MashRoles.Practitioner, "allowed")]
    [InlineData(MashRoles.Manager, "allowed")]
    [InlineData(MashRoles.Importer, "allowed")]
    [InlineData(MashRoles.BoardMember, "denied")]
    [InlineData(MashRoles.QualityLead, "denied")]
    public async Task Practitioners_managers_and_importers_record_feedback_others_are_denied_on_record(string role, string expected)
    {
        await outcomes.ContactAsync(ContactId);
        await Client.RecordOutcomeAsync(Request(ContactId), TestTokens.Bearer(TestTokens.For("sw-5", MashRoles.Practitioner)));

        var call = Client.RecordFeedbackAsync(new RecordFeedbackRequest { ContactId = ContactId, AgencyId = "police-west" }, TestTokens.Bearer(TestTokens.For("teller-1", role)));

        if (expected == "allowed")
        {
            await call;
            Assert.Equal(1, await CountAsync("SELECT count(*) FROM feedback WHERE given_by = 'teller-1'"));
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(async () => await call)).StatusCode);
            Assert.Equal(0, await DataSource.CountAsync("feedback"));
            Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE actor_id = 'teller-1' AND action = $1 AND outcome = 'denied'", FeedbackMethod));
        }
    }

    [Theory]
    [InlineData(MashRoles.Practitioner, true)]
    [InlineData(MashRoles.Manager, true)]
    [InlineData(MashRoles.Importer, true)]
    [InlineData(MashRoles.BoardMember, false)]
    [InlineData(MashRoles.Operations, false)]
    public async Task Practitioners_managers_and_importers_record_consultations(string role, bool allowed)
    {
        var call = Client.RecordConsultationAsync(new RecordConsultationRequest { AgencyId = "school-9", Kind = "social-work" }, TestTokens.Bearer(TestTokens.For("consultant-1", role)));

        if (allowed)
        {
            await call;
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(async () => await call)).StatusCode);
        }
        Assert.Equal(allowed ? 1 : 0, await CountAsync("SELECT count(*) FROM consultations WHERE given_by = 'consultant-1'"));
    }

    [Theory]
    [InlineData(MashRoles.BoardMember, true)]
    [InlineData(MashRoles.Manager, true)]
    [InlineData(MashRoles.QualityLead, true)]
    [InlineData(MashRoles.Practitioner, false)]
    [InlineData(MashRoles.Operations, false)]
    public async Task Board_members_managers_and_quality_leads_read_the_feedback_and_outcome_counts(string role, bool allowed)
    {
        var (from, to) = (Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(OutcomesUnderTest.Now.AddDays(-1)), OutcomesUnderTest.NowTimestamp);
        var token = TestTokens.Bearer(TestTokens.For("reader-2", role));

        var reads = new[]
        {
            Client.GetFeedbackCountsAsync(new GetFeedbackCountsRequest { From = from, To = to }, token).ResponseAsync as Task,
            Client.GetOutcomeCountsAsync(new GetOutcomeCountsRequest { From = from, To = to }, token).ResponseAsync,
        };

        foreach (var read in reads)
        {
            var refused = await Record.ExceptionAsync(() => read) as RpcException;
            Assert.Equal(allowed ? null : StatusCode.PermissionDenied, refused?.StatusCode);
        }
    }

    [Fact]
    public async Task Importers_record_and_correct_outcomes_as_themselves()
    {
        await outcomes.ContactAsync(ContactId);
        var importer = TestTokens.Bearer(TestTokens.For("importer-1", MashRoles.Importer));

        await Client.RecordOutcomeAsync(Request(ContactId), importer);
        await Client.CorrectOutcomeAsync(Correction(ContactId), importer);

        Assert.Equal(2, await CountAsync("SELECT count(*) FROM outcome_revisions WHERE contact_id = $1 AND practitioner_id = 'importer-1'", ContactId));
    }

    private static CorrectOutcomeRequest Correction(string contactId) => new() { ContactId = contactId, Outcome = "assessment", Reason = "late police disclosure" };

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!await condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }
}
