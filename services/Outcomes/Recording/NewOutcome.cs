namespace Mash.Outcomes.Recording;

/// <summary>
/// What a practitioner records for a contact: the outcome, the agencies it goes on to (O2), the gaps
/// found (O6), and when it was decided if an importer says (null: now).
/// </summary>
internal sealed record NewOutcome(string Code, IReadOnlyList<string> OnwardAgencyIds, IReadOnlyList<string> Gaps, DateTimeOffset? OccurredAt = null)
{
    public static NewOutcome Only(string code) => new(code, [], []);
}
