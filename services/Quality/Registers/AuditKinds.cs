namespace Mash.Quality.Registers;

/// <summary>The audits' kinds and consent answers as stored.</summary>
internal static class AuditKinds
{
    public const string ReferralQuality = "referral-quality";

    public const string DecisionMaking = "decision-making";

    public const string Sought = "sought";

    public const string NotSought = "not-sought";

    public const string NotNeeded = "not-needed";
}
