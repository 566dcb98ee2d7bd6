namespace Mash.Outcomes.Feedback;

/// <summary>Who is owed a contact's outcome (O4), and when telling them can have happened. Each rule returns why not, or null.</summary>
internal static class FeedbackRules
{
    /// <summary>The referrer and every agency that contributed information, each once, in order.</summary>
    public static IReadOnlyList<string> Owed(string referrer, IEnumerable<string> contributors) =>
        [.. contributors.Prepend(referrer).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Feedback goes to the agencies owed it; any other telling is not O4's to count.</summary>
    public static string? MustBeOwed(IReadOnlyList<string> owed, string agencyId) =>
        owed.Contains(agencyId, StringComparer.Ordinal) ? null
        : $"Agency '{agencyId}' neither referred this contact nor contributed information to it; those owed its outcome are: {string.Join(", ", owed)}.";

    /// <summary>An agency cannot have been told an outcome before it was first recorded (an importer's time).</summary>
    public static string? NotBeforeTheOutcome(DateTimeOffset toldAt, DateTimeOffset outcomeAt) =>
        toldAt < outcomeAt ? $"must not be before the outcome was first recorded ({outcomeAt:O})" : null;
}
