namespace Mash.Quality.Audits;

/// <summary>
/// The audit group's process (004 §2.6, Appendix 4): proposal → challenge → approval (or rejection)
/// → report → action plan. Each rule returns why a step cannot be taken, or null.
/// </summary>
internal static class AuditLifecycle
{
    /// <summary>The group challenges a proposal before its decision, as often as it needs.</summary>
    public static string? ChallengeNeedsAnUndecidedProposal(AuditStage stage) =>
        stage is AuditStage.Proposed or AuditStage.Challenged ? null : $"The audit is {Word(stage)}; only a proposal not yet decided is challenged.";

    /// <summary>A proposal is decided once, and, where the process says so, only once challenged.</summary>
    public static string? DecisionNeedsAChallenge(AuditStage stage, bool challengeBeforeApproval) => stage switch
    {
        AuditStage.Challenged => null,
        AuditStage.Proposed when !challengeBeforeApproval => null,
        AuditStage.Proposed => "The audit group has not challenged this proposal; it is challenged before it is decided.",
        _ => $"The audit is {Word(stage)}; its proposal was decided already.",
    };

    /// <summary>Only an approved audit is reported, once.</summary>
    public static string? ReportNeedsApproval(AuditStage stage) =>
        stage == AuditStage.Approved ? null : $"The audit is {Word(stage)}; only an approved audit is reported.";

    /// <summary>The action plan follows from the report's findings.</summary>
    public static string? ActionsNeedAReport(AuditStage stage) =>
        stage == AuditStage.Reported ? null : $"The audit is {Word(stage)}; actions are planned once it is reported.";

    /// <summary>The rule for moving an audit at <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static string? CanMove(AuditStage from, AuditStage to, bool challengeBeforeApproval) => to switch
    {
        AuditStage.Challenged => ChallengeNeedsAnUndecidedProposal(from),
        AuditStage.Approved or AuditStage.Rejected => DecisionNeedsAChallenge(from, challengeBeforeApproval),
        AuditStage.Reported => ReportNeedsApproval(from),
        _ => "An audit is proposed only once.",
    };

    /// <summary>Past its target date (the day after it, in the partnership's calendar) and not completed.</summary>
    public static bool IsOverdue(AuditAction action, DateOnly today) => action.CompletedOn is null && today > action.TargetDate;

    private static string Word(AuditStage stage) => Definitions.IndicatorWords.Of(AuditWords.Stages, stage);
}
