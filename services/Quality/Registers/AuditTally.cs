namespace Mash.Quality.Registers;

/// <summary>Q1 or Q2 for one agency in a period: audits done, by grade, and (Q1) whether consent was sought.</summary>
internal sealed record AuditTally(string Kind, string AgencyId, long Audits, IReadOnlyDictionary<string, long> Grades, long Sought, long NotSought)
{
    /// <summary>Consent sought where it was needed: sought ÷ (sought + not sought); "not needed" counts in neither.</summary>
    public double? SoughtPercent => Shares.Percent(Sought, Sought + NotSought);

    /// <summary>One tally per kind and agency from counts by kind, agency and grade, in their order.</summary>
    public static IReadOnlyList<AuditTally> Fold(IEnumerable<(string Kind, string AgencyId, string Grade, long Audits, long Sought, long NotSought)> rows) =>
        [.. rows.GroupBy(r => (r.Kind, r.AgencyId)).Select(g => new AuditTally(
            g.Key.Kind, g.Key.AgencyId, g.Sum(r => r.Audits), g.ToDictionary(r => r.Grade, r => r.Audits), g.Sum(r => r.Sought), g.Sum(r => r.NotSought)))];
}
