namespace QualityBenchmark;

/// <summary>
/// What becomes of contact <c>i</c> of <c>count</c>, the same whichever table asks, in the shapes the
/// seeds report (MEASURES.md): received evenly over two financial years (April 2024 to March 2026)
/// from eight kinds of agency in unequal shares; a tenth information requests (Warwickshire, D5),
/// a tenth early-help requests; a quarter on the adults' pathway; nine in ten rated, 44% of those Red
/// or Amber (Warwickshire, R1), one in twelve re-rated; most rated contacts decided, 40% meeting the
/// threshold, 80% within their RAG's target; a third needing information from partners.
/// </summary>
internal readonly record struct Contact(int I, int Count)
{
    public static readonly DateTime First = new(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly (string Agency, double Share)[] Agencies =
        [("police", 0.30), ("health", 0.15), ("school", 0.20), ("social-care", 0.10), ("probation", 0.03), ("cafcass", 0.02), ("other-la", 0.05), ("public", 0.15)];

    public static readonly string[] Issues = ["domestic-abuse", "neglect", "physical-abuse", "emotional-abuse", "sexual-abuse", "cse", "missing", "mental-health"];
    public static readonly string[] Outcomes = ["no-further-action", "information-advice", "early-help", "assessment", "strategy-discussion", "onward-referral", "police-action"];
    public static readonly string[] Bands = ["within 4 h", "5-7 h", "7-15 h", "later"];

    public string Id => $"c-{I:D8}";

    public DateTime ReceivedAt => First + ((End - First) * ((I + Chance(0)) / Count));

    public string AgencyId => Pick(Agencies, Chance(1));

    public string ContactType => Chance(2) switch { < 0.10 => "information-request", < 0.20 => "early-help-request", < 0.30 => "domestic-abuse-notification", _ => "concern" };

    public short Pathway => Chance(3) < 0.25 ? (short)2 : (short)1;

    public int IssueCount => Chance(4) < 0.5 ? 1 : 2;

    public string Issue(int n) => Issues[(int)(Chance(5) * Issues.Length + (n * 3)) % Issues.Length];

    public bool Rated => Chance(6) < 0.9;

    /// <summary>1 Red (12%), 2 Amber (32%), 3 Green.</summary>
    public short Rag => Chance(7) switch { < 0.12 => 1, < 0.44 => 2, _ => 3 };

    public bool ReRated => Rated && Chance(8) < 0.08;

    public short FirstRag => Rag == 3 ? (short)2 : (short)3;

    public DateTime RatedAt => ReceivedAt.AddMinutes(ReRated ? 150 : 20);

    public bool Decided => Rated && Chance(9) < 0.94;

    public bool ThresholdMet => Chance(10) < 0.4;

    public bool WithinTarget => Chance(11) < 0.8;

    public DateTime DecidedAt => RatedAt.AddHours(Rag switch { 1 => 3, 2 => 20, _ => 60 } * (WithinTarget ? Chance(12) : 1 + Chance(12)));

    public string CaseRef => $"k-{(uint)(Hash(I, 99) >> 32):x8}{I:x7}";

    public string Outcome => ThresholdMet ? Outcomes[2 + (int)(Chance(13) * 5)] : Outcomes[(int)(Chance(13) * 2)];

    public bool RepeatReferral => ThresholdMet && Chance(14) < 0.2;

    public DateTime OutcomeAt => DecidedAt.AddHours(24);

    /// <summary>O4: a referral's referrer told (FeedbackGiven), within three days of the outcome.</summary>
    public bool FedBack => Decided && ThresholdMet && Chance(15) < 0.7;

    public DateTime FedBackAt => OutcomeAt.AddHours(72 * Chance(16));

    /// <summary>O2, O4: the agencies that answered the contact's requests (not its referrer), each once, contributing to its outcome.</summary>
    public IEnumerable<string> Contributors
    {
        get
        {
            var contact = this;
            return Decided
                ? Enumerable.Range(0, InformationRequests).Where(contact.Answered).Select(contact.RequestedAgency).Where(a => a != contact.AgencyId).Distinct()
                : [];
        }
    }

    /// <summary>O4: a referral's contributing agency told, six in ten of them, within five days of the outcome.</summary>
    public bool ContributorTold(string agency) => ThresholdMet && Chance(25 + agency.Length) < 0.6;

    public DateTime ContributorToldAt(string agency) => OutcomeAt.AddHours(120 * Chance(40 + agency.Length));

    /// <summary>O2: three in ten outcomes go on to a named agency.</summary>
    public bool WentOnward => Decided && Chance(26) < 0.3;

    /// <summary>O6: one outcome in twenty finds a gap.</summary>
    public bool GapFound => Decided && Chance(27) < 0.05;

    /// <summary>O7: one contact in twenty brings a professional consultation, two hours after it.</summary>
    public bool Consulted => Chance(28) < 0.05;

    public int InformationRequests => Chance(17) < 0.3 ? 2 : 0;

    public string RequestId(int n) => $"{Id}-r{n}";

    public string RequestedAgency(int n) => Pick(Agencies, (Chance(18) + (n * 0.37)) % 1);

    public DateTime RequestedAt(int n) => ReceivedAt.AddMinutes(30 + n);

    public bool Answered(int n) => (Chance(19) + (n * 0.5)) % 1 < 0.9;

    public double HoursToAnswer(int n) => 20 * ((Chance(20) + (n * 0.5)) % 1);

    public string Band(int n) => HoursToAnswer(n) switch { <= 4 => Bands[0], <= 7 => Bands[1], <= 15 => Bands[2], _ => Bands[3] };

    public bool Escalated => Chance(21) < 0.02;

    public bool EscalationResolved => Escalated && Chance(22) < 0.75;

    public bool Breached => Rated && !WithinTarget && Chance(23) < 0.25;

    public bool Approached => Rated && Chance(24) < 0.1;

    public DateTime DueAt => RatedAt.AddHours(Rag switch { 1 => 4, 2 => 24, _ => 120 });

    private double Chance(int salt) => (Hash(I, salt) >> 11) * (1.0 / (1UL << 53));

    private static string Pick((string Agency, double Share)[] shares, double chance)
    {
        foreach (var (agency, share) in shares)
        {
            if ((chance -= share) < 0)
            {
                return agency;
            }
        }
        return shares[^1].Agency;
    }

    // SplitMix64: the same contact always draws the same numbers, with no state between tables.
    private static ulong Hash(int i, int salt)
    {
        var z = ((ulong)i * 0x9E3779B97F4A7C15UL) + ((ulong)salt * 0xBF58476D1CE4E5B9UL) + 0x94D049BB133111EBUL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
