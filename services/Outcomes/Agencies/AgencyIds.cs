namespace Mash.Outcomes.Agencies;

/// <summary>An agency named in a request: an organisation id as the partnership's credentials give them, not free text.</summary>
internal static class AgencyIds
{
    public const int MaxLength = 100;

    /// <summary>Why the id is not one, or null.</summary>
    public static string? Violation(string agencyId) =>
        string.IsNullOrWhiteSpace(agencyId) ? "an agency's organisation id is required"
        : agencyId.Length > MaxLength ? $"an organisation id is at most {MaxLength} characters"
        : agencyId.Any(char.IsWhiteSpace) ? "an organisation id has no spaces"
        : null;
}
