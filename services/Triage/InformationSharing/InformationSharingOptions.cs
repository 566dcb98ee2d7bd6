namespace Mash.Triage.InformationSharing;

/// <summary>
/// Settings under <c>Triage:InformationSharing</c>. The shipped bands are Walsall's (MEASURES.md T2,
/// seed 000 §4: "within 4hrs", "within 5hrs ~7hrs", "within 7hrs ~ 15hrs", and later); the seed
/// leaves 4–5 h unnamed, so each band here runs from where the one before ends: up to 4 h, over 4
/// and up to 7 h, over 7 and up to 15 h, over 15 h.
/// </summary>
internal sealed class InformationSharingOptions
{
    public const string SectionName = "Triage:InformationSharing";
    public const string Requirement =
        "Triage:InformationSharing needs a positive DefaultResponseTime and ResponseBands with labels, each UpTo longer than the one before, the last without UpTo.";

    /// <summary>When an answer is due, after asking, unless the practitioner says.</summary>
    public TimeSpan DefaultResponseTime { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Response-time bands, shortest first; a response falls in the first whose UpTo it does not exceed.</summary>
    public List<ResponseBand> ResponseBands { get; set; } = [];

    public static List<ResponseBand> Walsall() =>
    [
        new() { Label = "within 4 h", UpTo = TimeSpan.FromHours(4) },
        new() { Label = "5–7 h", UpTo = TimeSpan.FromHours(7) },
        new() { Label = "7–15 h", UpTo = TimeSpan.FromHours(15) },
        new() { Label = "later" },
    ];

    public bool IsUsable =>
        DefaultResponseTime > TimeSpan.Zero && ResponseBands.Count > 0
        && ResponseBands.All(b => !string.IsNullOrWhiteSpace(b.Label))
        && ResponseBands[^1].UpTo is null && ResponseBands.SkipLast(1).All(b => b.UpTo is { } upTo && upTo > TimeSpan.Zero)
        && ResponseBands.SkipLast(1).Zip(ResponseBands.Skip(1).SkipLast(1)).All(p => p.First.UpTo < p.Second.UpTo);
}

/// <summary>One band of response time: its label and the longest response in it (none for the last, open band).</summary>
internal sealed class ResponseBand
{
    public string Label { get; set; } = "";

    public TimeSpan? UpTo { get; set; }
}
