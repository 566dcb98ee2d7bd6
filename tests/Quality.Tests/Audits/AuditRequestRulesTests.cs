using Mash.Contracts.Quality.V1;
using Mash.Quality.Grpc;

namespace Mash.Quality.Tests.Audits;

/// <summary>What each audit request must say; each broken rule names its field.</summary>
public sealed class AuditRequestRulesTests
{
    private static readonly string AuditId = Guid.NewGuid().ToString();

    [Fact]
    public void A_proposal_missing_everything_names_every_field() =>
        Assert.Equal(["request_id", "focus", "rationale", "lead_auditor"], AuditRequestRules.Check(new ProposeAuditRequest()).Select(v => v.Field));

    [Fact]
    public void A_focus_longer_than_a_sentence_is_named() =>
        Assert.Equal(["focus"], AuditRequestRules.Check(new ProposeAuditRequest
        {
            RequestId = Guid.NewGuid().ToString(), Focus = new string('f', 501), Rationale = "Why.", LeadAuditor = "Steve Woodhead",
        }).Select(v => v.Field));

    [Fact]
    public void A_challenge_of_no_audit_id_is_named() =>
        Assert.Equal(["audit_id"], AuditRequestRules.Check(new ChallengeAuditRequest { RequestId = Guid.NewGuid().ToString(), AuditId = "MAA 5", Challenge = "Timescale?" })
            .Select(v => v.Field));

    [Theory]
    [InlineData("30/09/2025")]
    [InlineData("2025-09-31")]
    [InlineData("")]
    public void A_target_date_is_a_real_date_written_yyyy_MM_dd(string date) =>
        Assert.Equal(["target_date"], AuditRequestRules.Check(Action(date, "")).Select(v => v.Field));

    [Fact]
    public void An_actions_RAG_is_green_amber_or_red_or_left_for_amber()
    {
        Assert.Empty(AuditRequestRules.Check(Action("2025-09-30", "")));
        Assert.Equal(["rag"], AuditRequestRules.Check(Action("2025-09-30", "blue")).Select(v => v.Field));
    }

    [Fact]
    public void An_update_names_a_numbered_action_a_RAG_and_an_optional_completion_date() =>
        Assert.Equal(["request_id", "action", "rag", "completed_on"],
            AuditRequestRules.Check(new UpdateAuditActionRequest { AuditId = AuditId, Action = 0, Rag = "", CompletedOn = "soon" }).Select(v => v.Field));

    [Fact]
    public void An_open_action_updated_breaks_no_rule() =>
        Assert.Empty(AuditRequestRules.Check(new UpdateAuditActionRequest { RequestId = Guid.NewGuid().ToString(), AuditId = AuditId, Action = 1, Rag = "green" }));

    [Fact]
    public void Audits_are_listed_by_a_known_stage() =>
        Assert.Equal(["stage"], AuditRequestRules.Check(new ListAuditsRequest { Stage = "done" }).Select(v => v.Field));

    private static AddAuditActionRequest Action(string targetDate, string rag) => new()
    {
        RequestId = Guid.NewGuid().ToString(), AuditId = AuditId, Action = "Audit re-referrals again.", Owner = "Bernadette Johansen", TargetDate = targetDate, Rag = rag,
    };
}
