using static Mash.Quality.Definitions.IndicatorWords;

namespace Mash.Quality.Audits;

/// <summary>The words the audits' tables and messages use for the stages and RAGs.</summary>
internal static class AuditWords
{
    public static readonly IReadOnlyDictionary<string, AuditStage> Stages = Words(
        ("proposed", AuditStage.Proposed), ("challenged", AuditStage.Challenged), ("approved", AuditStage.Approved),
        ("rejected", AuditStage.Rejected), ("reported", AuditStage.Reported));

    public static readonly IReadOnlyDictionary<string, ActionRag> Rags = Words(("green", ActionRag.Green), ("amber", ActionRag.Amber), ("red", ActionRag.Red));
}
