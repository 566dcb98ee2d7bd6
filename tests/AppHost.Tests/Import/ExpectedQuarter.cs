namespace Mash.AppHost.Tests.Import;

/// <summary>
/// A quarter's measures computed from the generated year alone (MEASURES.md, as Quality's scorecard
/// defines each): what the import must make the platform say.
/// </summary>
internal sealed record ExpectedQuarter(
    IReadOnlyDictionary<string, long> ContactsByAgency, IReadOnlyDictionary<string, long> ContactsByRag, IReadOnlyDictionary<string, long> ReferralsByAgency,
    long DecisionsTimed, long DecisionsWithinTarget, IReadOnlyDictionary<string, long> Outcomes, long Referrals, long RepeatReferrals)
{
    public static ExpectedQuarter Of(LegacyYear year, DateTimeOffset from, DateTimeOffset to)
    {
        var contacts = year.Cases.Where(c => c.ReceivedAt >= from && c.ReceivedAt < to).ToList();
        var referrals = year.Cases.Where(c => c.ThresholdMet && c.RecordedAt >= from && c.RecordedAt < to).ToList();
        return new ExpectedQuarter(
            // D1: contacts received, by agency.
            CountBy(contacts, c => c.AgencyId),
            // R1: the quarter's contacts by the RAG in force at its end.
            CountBy(contacts, c => $"RAG_{c.FinalRag.ToUpperInvariant()}"),
            // D2: the quarter's contacts that became referrals, by agency.
            CountBy(contacts.Where(c => c.ThresholdMet), c => c.AgencyId),
            // T1: the quarter's contacts' decisions, and those within the RAG target.
            contacts.Count, contacts.Count(c => c.DecidedWithinTarget),
            // O1: the quarter's contacts' outcomes, by code.
            CountBy(contacts, c => c.Outcome),
            // O3: referrals whose outcome was recorded in the quarter, and those about a child already
            // referred (decided so by this contact's receipt) within the previous 12 months.
            referrals.Count, referrals.Count(c => IsRepeatReferral(year, c)));
    }

    public static bool IsRepeatReferral(LegacyYear year, LegacyCase referral) => year.Cases.Any(earlier =>
        earlier.Child == referral.Child && earlier.ThresholdMet && earlier.ReceivedAt < referral.ReceivedAt
        && earlier.ReceivedAt >= referral.ReceivedAt.AddMonths(-12) && earlier.DecidedAt <= referral.ReceivedAt);

    private static Dictionary<string, long> CountBy(IEnumerable<LegacyCase> cases, Func<LegacyCase, string> key) =>
        cases.GroupBy(key).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
}
