namespace Mash.Quality.Assurance;

/// <summary>When a rating may be recorded. Each rule returns why not, or null to go on.</summary>
internal static class RatingRules
{
    /// <summary>The sub-group scrutinises and agrees the lead officer's initial rating (004 §4.1.2): there is none to agree before one is proposed.</summary>
    public static string? AgreementNeedsAProposal(RatingStage stage, bool proposed) =>
        stage == RatingStage.Agreed && !proposed
            ? "The lead officer has proposed no rating for this indicator and period; the performance sub-group agrees a proposed rating."
            : null;
}
