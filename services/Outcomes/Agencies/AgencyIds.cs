using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Agencies;

/// <summary>An agency named in a request: an organisation id as the partnership's credentials give them, not free text.</summary>
internal static class AgencyIds
{
    public const int MaxLength = 100;

    /// <summary>The request's <paramref name="field"/> at fault when it does not name an agency, or null.</summary>
    public static FieldViolation? Violation(string field, string agencyId) =>
        Why(agencyId) is { } why ? new() { Field = field, Description = why } : null;

    /// <summary>Why the id is not one, or null.</summary>
    public static string? Why(string agencyId) =>
        string.IsNullOrWhiteSpace(agencyId) ? "an agency's organisation id is required"
        : agencyId.Length > MaxLength ? $"an organisation id is at most {MaxLength} characters"
        : agencyId.Any(char.IsWhiteSpace) ? "an organisation id has no spaces"
        : null;
}
