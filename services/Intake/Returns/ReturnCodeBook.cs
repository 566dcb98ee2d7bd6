using Mash.Contracts.Common.V1;

namespace Mash.Intake.Returns;

/// <summary>
/// The returns' code maps (the vocabulary's <c>returnCodes</c>), looked up ignoring case and
/// surrounding spaces; a value a map lacks has no code (null), and "" stands for a value not recorded.
/// </summary>
public sealed class ReturnCodeBook(Vocabulary vocabulary)
{
    private readonly ReturnCodes codes = vocabulary.ReturnCodes ?? new ReturnCodes();

    public string? Gender(string recorded) => Find(codes.Genders, recorded);

    public string? AnnexAGender(string cinGender) => Find(codes.AnnexAGenders, cinGender);

    public string? Ethnicity(string recorded) => Find(codes.Ethnicities, recorded);

    public string? ReferralSource(string recorded) => Find(codes.ReferralSources, recorded);

    public string? PrimaryNeed(string presentingIssue) => Find(codes.PrimaryNeeds, presentingIssue);

    /// <summary>The outcome's group in the vocabulary; null for an outcome it does not know.</summary>
    public string? OutcomeGroup(string outcome) => vocabulary.Outcomes.FirstOrDefault(o => o.Code == outcome)?.Group;

    public bool IsNoFurtherAction(string outcomeGroup) => codes.NoFurtherActionOutcomeGroups.Contains(outcomeGroup, StringComparer.OrdinalIgnoreCase);

    private static string? Find(IDictionary<string, string> map, string? value)
    {
        var key = (value ?? "").Trim();
        return map.FirstOrDefault(entry => string.Equals(entry.Key.Trim(), key, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
