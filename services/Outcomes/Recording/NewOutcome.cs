namespace Mash.Outcomes.Recording;

/// <summary>What a practitioner records for a contact: the outcome, the agencies it goes on to (O2) and the gaps found (O6).</summary>
internal sealed record NewOutcome(string Code, IReadOnlyList<string> OnwardAgencyIds, IReadOnlyList<string> Gaps)
{
    public static NewOutcome Only(string code) => new(code, [], []);
}
