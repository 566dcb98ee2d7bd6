namespace Mash.Triage.Timing;

/// <summary>
/// Time is data (point 7): an importer replaying a legacy case system gives each action its own
/// time. Each rule returns why a time is refused, or null when it stands.
/// </summary>
internal static class TimeRules
{
    /// <summary>Only the importer role may say when something happened; everyone else acts now.</summary>
    public static string? OnlyAnImporterGivesTimes(bool given, bool isImporter) =>
        given && !isImporter ? "only the importer role may give the time something happened; live calls take the server's clock" : null;

    /// <summary>Nothing is recorded as having happened in the future.</summary>
    public static string? NotInTheFuture(DateTimeOffset at, DateTimeOffset now) =>
        at > now ? $"must not be in the future (the server's clock says {now:O})" : null;

    /// <summary>
    /// An imported action comes after what it follows (the contact's receipt, the rating before,
    /// the request it answers); a live one is taken as it comes, whatever clocks elsewhere said.
    /// </summary>
    public static string? NotBefore(Moment moment, DateTimeOffset earliest, string what) =>
        moment.Given && moment.At < earliest ? $"must not be before {what} ({earliest:O})" : null;
}
