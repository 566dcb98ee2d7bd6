using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Audits;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Mash.Quality.Tests.Assurance.AssuranceFacts;

namespace Mash.Quality.Tests.Audits;

/// <summary>
/// The Q7 register over a real gRPC port and PostgreSQL, as Calderdale's MAA 5 went (004 Appendix 3):
/// proposed, challenged, approved, reported, its action plan carried to completion; the clock stands
/// at 5 October 2025, so an open action due 30 September is overdue.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class AuditsTests(QualityDatabase database) : IAsyncLifetime
{
    private static readonly DateTime October = new(2025, 10, 5, 9, 0, 0, DateTimeKind.Utc);

    private NpgsqlDataSource dataSource = null!;
    private GrpcTestHost host = null!;

    private AuditService.AuditServiceClient Client => new(host.Channel);

    public async Task InitializeAsync()
    {
        dataSource = await database.CreateDatabaseAsync();
        host = await QualityHost.StartAsync(dataSource, Catalogue, new FixedTime(October));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static Metadata As(string id, string role) => TestTokens.Bearer(TestTokens.Create(id, [role], name: $"Name of {id}"));

    private static readonly Metadata Lead = As("lead-1", MashRoles.QualityLead);
    private static readonly Metadata Chair = As("chair-1", MashRoles.Manager);
    private static readonly Metadata Board = As("board-1", MashRoles.BoardMember);

    private static ProposeAuditRequest Proposal() => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Focus = "Escalated and de-escalated Tier 3 cases where early help was missed.",
        Rationale = "Learning from SCR Child K and Child D; CSCB Business Plan 1.8.",
        LeadAuditor = "Steve Woodhead",
    };

    private async Task<string> ProposedAsync() => (await Client.ProposeAuditAsync(Proposal(), Lead)).AuditId;

    private async Task<string> ReportedAsync()
    {
        var id = await ProposedAsync();
        await Client.ChallengeAuditAsync(new ChallengeAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Challenge = "Is 20 cases enough?" }, Board);
        await Client.DecideAuditAsync(new DecideAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Approved = true, Decision = "Approved with 20 cases." }, Chair);
        await Client.ReportAuditAsync(new ReportAuditRequest
        {
            RequestId = Guid.NewGuid().ToString(), AuditId = id, Findings = "Early help was offered late in 6 of 20.", Story = "Panels met monthly, not fortnightly.",
        }, Lead);
        return id;
    }

    private static AddAuditActionRequest Action(string id, string action, string targetDate) => new()
    {
        RequestId = Guid.NewGuid().ToString(), AuditId = id, Action = action, Owner = "Bernadette Johansen", TargetDate = targetDate,
    };

    [Fact]
    public async Task An_audit_goes_from_proposal_through_challenge_and_approval_to_its_report_each_step_by_its_caller()
    {
        var id = await ReportedAsync();

        var audit = await Client.GetAuditAsync(new GetAuditRequest { AuditId = id }, Board);

        Assert.Equal("reported", audit.Stage);
        Assert.Equal(
            [(1, "proposed", "lead-1", "Name of lead-1"), (2, "challenged", "board-1", "Name of board-1"), (3, "approved", "chair-1", "Name of chair-1"), (4, "reported", "lead-1", "Name of lead-1")],
            audit.Steps.Select(s => (s.Number, s.Stage, s.ById, s.ByName)));
        Assert.Equal(("Early help was offered late in 6 of 20.", "Panels met monthly, not fortnightly."), (audit.Steps[3].Text, audit.Steps[3].Detail));
        Assert.Equal(1L, await CountAsync(dataSource,
            "SELECT count(*) FROM audit_log WHERE actor_id = 'board-1' AND action = '/mash.quality.v1.AuditService/GetAudit' AND record_id = $1 AND outcome = 'allowed'", id));
    }

    [Fact]
    public async Task The_action_plan_carries_each_actions_owner_target_date_and_RAG_and_an_open_action_past_its_date_is_overdue()
    {
        var id = await ReportedAsync();
        await Client.AddAuditActionAsync(Action(id, "Re-referrals within 12 months go to an EI panel.", "2025-09-30"), Chair);
        var second = Action(id, "Consent to the Early Help and Prevention Group.", "2025-12-31");
        second.Rag = "red";
        await Client.AddAuditActionAsync(second, Lead);

        var audit = await Client.UpdateAuditActionAsync(new UpdateAuditActionRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Action = 2, Rag = "green", Evidence = "Group minutes 3.10.25." }, Lead);

        Assert.Equal(
            [(1, "Bernadette Johansen", "2025-09-30", "amber", "", true), (2, "Bernadette Johansen", "2025-12-31", "green", "Group minutes 3.10.25.", false)],
            audit.Actions.Select(a => (a.Number, a.Owner, a.TargetDate, a.Rag, a.Evidence, a.Overdue)));
        Assert.True(audit.Overdue);
        Assert.Equal([id], (await Client.ListAuditsAsync(new ListAuditsRequest { OverdueOnly = true }, Board)).Audits.Select(a => a.AuditId));

        var completed = await Client.UpdateAuditActionAsync(new UpdateAuditActionRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Action = 1, Rag = "green", CompletedOn = "2025-10-02" }, Lead);

        Assert.Equal(("2025-10-02", false, false), (completed.Actions[0].CompletedOn, completed.Actions[0].Overdue, completed.Overdue));
        Assert.Empty((await Client.ListAuditsAsync(new ListAuditsRequest { OverdueOnly = true }, Board)).Audits);
    }

    [Fact]
    public async Task A_retried_update_after_a_later_one_puts_nothing_back_and_every_update_is_kept_with_who()
    {
        var id = await ReportedAsync();
        await Client.AddAuditActionAsync(Action(id, "Train panel chairs.", "2025-12-31"), Lead);
        var stale = new UpdateAuditActionRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Action = 1, Rag = "red", Evidence = "Not started." };
        await Client.UpdateAuditActionAsync(stale, Lead);
        await Client.UpdateAuditActionAsync(new UpdateAuditActionRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Action = 1, Rag = "green", Evidence = "Trained." }, Chair);

        var retried = await Client.UpdateAuditActionAsync(stale, Lead);

        Assert.Equal(("green", "Trained."), (retried.Actions.Single().Rag, retried.Actions.Single().Evidence));
        Assert.Equal(2L, await CountAsync(dataSource, "SELECT count(*) FROM audit_action_updates"));
        Assert.Equal(1L, await CountAsync(dataSource, "SELECT count(*) FROM audit_action_updates WHERE actor_id = 'chair-1' AND actor_name = 'Name of chair-1' AND rag = 'green'"));
    }

    [Fact]
    public async Task Updating_an_action_the_plan_does_not_have_is_NOT_FOUND()
    {
        var id = await ReportedAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.UpdateAuditActionAsync(
            new UpdateAuditActionRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Action = 3, Rag = "green" }, Lead));

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Approving_an_unchallenged_proposal_is_FAILED_PRECONDITION_and_changes_nothing()
    {
        var id = await ProposedAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.DecideAuditAsync(
            new DecideAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Approved = true, Decision = "Go." }, Chair));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(1L, await CountAsync(dataSource, "SELECT count(*) FROM audit_steps"));
        Assert.Equal(1L, await CountAsync(dataSource, "SELECT count(*) FROM audits WHERE stage = 'proposed'"));
    }

    [Fact]
    public async Task Where_the_process_allows_it_a_proposal_is_approved_without_a_challenge()
    {
        await using var direct = await QualityHost.StartAsync(dataSource, Catalogue, new FixedTime(October),
            builder => builder.Services.Configure<AuditOptions>(o => o.ChallengeBeforeApproval = false));
        var client = new AuditService.AuditServiceClient(direct.Channel);
        var id = (await client.ProposeAuditAsync(Proposal(), Lead)).AuditId;

        var decided = await client.DecideAuditAsync(new DecideAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Approved = true, Decision = "Go." }, Chair);

        Assert.Equal("approved", decided.Stage);
    }

    [Fact]
    public async Task Adding_an_action_before_the_report_is_FAILED_PRECONDITION_and_stores_nothing()
    {
        var id = await ProposedAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.AddAuditActionAsync(Action(id, "Train.", "2025-12-31"), Lead));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(0L, await CountAsync(dataSource, "SELECT count(*) FROM audit_actions"));
    }

    [Fact]
    public async Task A_rejected_proposal_is_never_reported()
    {
        var id = await ProposedAsync();
        await Client.ChallengeAuditAsync(new ChallengeAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Challenge = "Duplicates MAA 1." }, Board);
        await Client.DecideAuditAsync(new DecideAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Approved = false, Decision = "Rejected: fold into MAA 17." }, Chair);

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.ReportAuditAsync(
            new ReportAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Findings = "F.", Story = "S." }, Lead));

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(["rejected"], (await Client.ListAuditsAsync(new ListAuditsRequest { Stage = "rejected" }, Board)).Audits.Select(a => a.Stage));
    }

    [Fact]
    public async Task The_same_request_again_records_nothing_more_and_answers_with_the_audit_as_it_stands()
    {
        var proposal = Proposal();
        var first = await Client.ProposeAuditAsync(proposal, Lead);
        var challenge = new ChallengeAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = first.AuditId, Challenge = "Timescale?" };
        await Client.ChallengeAuditAsync(challenge, Board);

        var again = await Client.ProposeAuditAsync(proposal, Lead);
        var challengedAgain = await Client.ChallengeAuditAsync(challenge, Board);

        Assert.Equal((first.AuditId, 2), (again.AuditId, challengedAgain.Steps.Count));
        Assert.Equal((1L, 2L), (await CountAsync(dataSource, "SELECT count(*) FROM audits"), await CountAsync(dataSource, "SELECT count(*) FROM audit_steps")));
    }

    [Fact]
    public async Task A_proposal_without_a_focus_is_INVALID_ARGUMENT_naming_focus_and_stores_nothing()
    {
        var proposal = Proposal();
        proposal.Focus = "";

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.ProposeAuditAsync(proposal, Lead));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal("focus", refused.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(0L, await CountAsync(dataSource, "SELECT count(*) FROM audits"));
    }

    [Fact]
    public async Task An_audit_that_does_not_exist_is_NOT_FOUND() =>
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetAuditAsync(new GetAuditRequest { AuditId = Guid.NewGuid().ToString() }, Board))).StatusCode);

    [Theory]
    [InlineData("ProposeAudit", MashRoles.BoardMember)]
    [InlineData("ProposeAudit", MashRoles.Practitioner)]
    [InlineData("ChallengeAudit", MashRoles.QualityLead)]
    [InlineData("DecideAudit", MashRoles.QualityLead)]
    [InlineData("ReportAudit", MashRoles.BoardMember)]
    [InlineData("AddAuditAction", MashRoles.BoardMember)]
    [InlineData("UpdateAuditAction", MashRoles.Operations)]
    [InlineData("GetAudit", MashRoles.Practitioner)]
    [InlineData("ListAudits", MashRoles.Operations)]
    public async Task Others_are_PERMISSION_DENIED_and_audited_as_denied(string method, string role)
    {
        var token = As("other-1", role);
        var id = Guid.NewGuid().ToString();
        Func<Task> call = method switch
        {
            "ProposeAudit" => async () => await Client.ProposeAuditAsync(Proposal(), token),
            "ChallengeAudit" => async () => await Client.ChallengeAuditAsync(new ChallengeAuditRequest { RequestId = id, AuditId = id, Challenge = "C." }, token),
            "DecideAudit" => async () => await Client.DecideAuditAsync(new DecideAuditRequest { RequestId = id, AuditId = id, Decision = "D." }, token),
            "ReportAudit" => async () => await Client.ReportAuditAsync(new ReportAuditRequest { RequestId = id, AuditId = id, Findings = "F.", Story = "S." }, token),
            "AddAuditAction" => async () => await Client.AddAuditActionAsync(Action(id, "A.", "2025-12-31"), token),
            "UpdateAuditAction" => async () => await Client.UpdateAuditActionAsync(new UpdateAuditActionRequest { RequestId = Guid.NewGuid().ToString(), AuditId = id, Action = 1, Rag = "green" }, token),
            "GetAudit" => async () => await Client.GetAuditAsync(new GetAuditRequest { AuditId = id }, token),
            _ => async () => await Client.ListAuditsAsync(new ListAuditsRequest(), token),
        };

        var refused = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1L, await CountAsync(dataSource,
            "SELECT count(*) FROM audit_log WHERE actor_id = 'other-1' AND action = $1 AND outcome = 'denied'", $"/mash.quality.v1.AuditService/{method}"));
        Assert.Equal(0L, await CountAsync(dataSource, "SELECT count(*) FROM audits"));
    }
}
