namespace Mash.AppHost.Tests.Import;

/// <summary>
/// One generated contact of a legacy year and everything that happened to it, as the test knows it
/// independently of the platform: what its measures must count.
/// </summary>
internal sealed record LegacyCase(
    string ContactId, int Child, string AgencyId, DateTimeOffset ReceivedAt,
    string FirstRag, DateTimeOffset RatedAt, string? ReRag, DateTimeOffset? ReRatedAt,
    DateTimeOffset? AskedAt, DateTimeOffset? AnsweredAt,
    bool ThresholdMet, DateTimeOffset DecidedAt, bool DecidedWithinTarget,
    string Outcome, DateTimeOffset RecordedAt, DateTimeOffset FedBackAt)
{
    /// <summary>The RAG in force once the story is over (R1 at the quarter's end).</summary>
    public string FinalRag => ReRag ?? FirstRag;
}
