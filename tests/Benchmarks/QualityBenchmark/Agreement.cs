using Mash.Contracts.Quality.V1;

namespace QualityBenchmark;

/// <summary>Whether the rollups' year says what Quality's own scorecard of the year says, split by split.</summary>
internal static class Agreement
{
    /// <summary>Each split compared, and those that differ ("D1 police: scorecard 30,012, rollups 30,011").</summary>
    public static (int Compared, IReadOnlyList<string> Differences) Compare(Scorecard card, IReadOnlyDictionary<string, long> rollups)
    {
        var expected = new Dictionary<string, long>();
        void Add(string measure, IDictionary<string, long> split)
        {
            foreach (var (key, count) in split)
            {
                expected[$"{measure} {key}"] = count;
            }
        }
        Add("D1", card.ContactsByAgency);
        Add("D2", card.ReferralsByAgency);
        Add("D3", card.ContactsByPresentingIssue);
        Add("D4", card.EarlyHelpRequestsByAgency);
        Add("R1", card.ContactsByRag);
        Add("O1", card.Outcomes);
        Add("R4", card.EscalationsByAgency);
        Add("R4r", card.EscalationsResolvedByResolution);
        Add("R5", card.InformationRequestsByAgency);
        Add("T4", card.BreachesByRag);
        Add("T4a", card.ApproachingByRag);
        expected["T1 true"] = card.DecisionsWithinTarget;
        expected["O4 told"] = card.ReferralsFedBack;
        var differences = expected.Where(e => rollups.GetValueOrDefault(e.Key) != e.Value)
            .Select(e => $"{e.Key}: scorecard {e.Value:N0}, rollups {rollups.GetValueOrDefault(e.Key):N0}").ToList();
        return (expected.Count, differences);
    }
}
