using System.Globalization;
using System.Text;

namespace Mash.AppHost.Tests.Import;

/// <summary>
/// A seeded random legacy year (April to March, four quarters) of a small MASH, and its export as the
/// importer reads it (tools/Importer/README.md). Each contact's story (rating, perhaps a re-rating and
/// an information request, the decision, the outcome, the feedback) ends within its quarter, so each
/// quarter's measures are its own contacts'. A decision is either well within the tightest target (3
/// hours, Red's is 4) or far beyond the widest (20 days, Green's is 5 working days), so which were
/// within target is known without the partnership's calendar. Children recur, so contacts repeat and
/// referrals repeat (O3).
/// </summary>
internal sealed class LegacyYear
{
    public static readonly DateTimeOffset Start = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] Agencies = ["police-west", "st-marys-school"];

    private static readonly string[] Rags = ["Red", "Amber", "Green"];
    private static readonly string[] FamilyNames = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Khan", "Nowak", "Okafor", "Patel", "Smith"];

    public IReadOnlyList<LegacyCase> Cases { get; }

    public int Children { get; }

    public LegacyYear(int seed, int contactsPerQuarter, int children)
    {
        var random = new Random(seed);
        Children = children;
        var cases = new List<LegacyCase>();
        for (var quarter = 0; quarter < 4; quarter++)
        {
            var quarterStart = Start.AddMonths(3 * quarter);
            for (var i = 0; i < contactsPerQuarter; i++)
            {
                // Within the quarter's first 60 days, so a late decision (20 days on) is still in it.
                var received = quarterStart.AddMinutes(random.Next(60 * 24 * 60));
                cases.Add(Case($"C-{quarter + 1}{i:D4}", random.Next(children), received, random));
            }
        }
        Cases = [.. cases.OrderBy(c => c.ReceivedAt)];
    }

    public static (DateTimeOffset From, DateTimeOffset To) Quarter(int quarter) => (Start.AddMonths(3 * quarter), Start.AddMonths(3 * (quarter + 1)));

    private static LegacyCase Case(string contactId, int child, DateTimeOffset received, Random random)
    {
        var ratedAt = received.AddMinutes(5 + random.Next(20));
        var reRated = random.Next(4) == 0;
        var asked = random.Next(3) == 0;
        var thresholdMet = random.Next(5) < 2;
        var withinTarget = random.Next(4) != 0;
        var decidedAt = withinTarget ? received.AddMinutes(70 + random.Next(100)) : received.AddDays(20).AddMinutes(random.Next(600));
        var outcome = thresholdMet ? (random.Next(2) == 0 ? "assessment" : "strategy-discussion") : new[] { "nfa", "advice", "early-help" }[random.Next(3)];
        var recordedAt = decidedAt.AddMinutes(10 + random.Next(50));
        return new LegacyCase(
            contactId, child, Agencies[random.Next(Agencies.Length)], received,
            Rags[random.Next(3)], ratedAt, reRated ? Rags[random.Next(3)] : null, reRated ? ratedAt.AddMinutes(20) : null,
            asked ? ratedAt.AddMinutes(5) : null, asked ? ratedAt.AddMinutes(30) : null,
            thresholdMet, decidedAt, withinTarget, outcome, recordedAt, recordedAt.AddMinutes(30 + random.Next(120)));
    }

    /// <summary>The export: the importer's six files in <paramref name="folder"/>.</summary>
    public void WriteTo(string folder)
    {
        Write(folder, "contacts.csv", "contact_id,received_at,agency_id,referral_source,contact_type,pathway,presenting_issues,child_id,given_name,family_name,date_of_birth,gender,postcode",
            Cases.Select(c => $"{c.ContactId},{Time(c.ReceivedAt)},{c.AgencyId},{(c.AgencyId == "police-west" ? "5A" : "2A")},concern,children,neglect,P-{c.Child},{ChildIdentity(c.Child)}"));
        Write(folder, "ratings.csv", "contact_id,rated_at,rag,reason", Cases.SelectMany(c => new[]
        {
            $"{c.ContactId},{Time(c.RatedAt)},{c.FirstRag},",
            c.ReRag is { } rag && rag != c.FirstRag ? $"{c.ContactId},{Time(c.ReRatedAt!.Value)},{rag},\"New information, re-rated\"" : null,
        }).OfType<string>());
        Write(folder, "information_requests.csv", "request_id,contact_id,agency_id,requested_at,question",
            Cases.Where(c => c.AskedAt is not null).Select(c => $"IR-{c.ContactId},{c.ContactId},{Other(c.AgencyId)},{Time(c.AskedAt!.Value)},What do you know of this child?"));
        Write(folder, "information_responses.csv", "request_id,answered_at,answer",
            Cases.Where(c => c.AnsweredAt is not null).Select(c => $"IR-{c.ContactId},{Time(c.AnsweredAt!.Value)},Known to us; no current concerns"));
        Write(folder, "decisions.csv", "contact_id,decided_at,threshold_met,rationale",
            Cases.Select(c => $"{c.ContactId},{Time(c.DecidedAt)},{(c.ThresholdMet ? "Y" : "N")},Generated"));
        Write(folder, "outcomes.csv", "contact_id,recorded_at,outcome,onward_agency_ids,fed_back_at",
            Cases.Select(c => $"{c.ContactId},{Time(c.RecordedAt)},{c.Outcome},,{Time(c.FedBackAt)}"));
    }

    /// <summary>A child's name, date of birth and postcode: the same every time the child recurs, so Intake recognises them.</summary>
    // Born within about 16 years of 2010 (before the year imported), however many children there are.
    private static string ChildIdentity(int child) =>
        $"Child{child},{FamilyNames[child % FamilyNames.Length]},{new DateOnly(2008, 1, 1).AddDays((int)(child * 17L % 6000)):yyyy-MM-dd},{(child % 2 == 0 ? "female" : "male")},WS{1 + child % 9} {child % 10}AB";

    private static string Other(string agencyId) => agencyId == Agencies[0] ? Agencies[1] : Agencies[0];

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Write(string folder, string file, string header, IEnumerable<string> lines) =>
        File.WriteAllLines(Path.Combine(folder, file), [header, .. lines], new UTF8Encoding(false));
}
