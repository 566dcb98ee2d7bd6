using Mash.Quality.Definitions;
using Mash.Quality.Facts;
using Npgsql;
using static Mash.Quality.Tests.Definitions.IndicatorFiles;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Assurance;

/// <summary>
/// The facts of GetAssurance's hand-worked tests (Grpc/AssuranceTests), asked in May 2025 (2025/26 Q1):
/// T1 falls from 100% to 50% against 80 (Red, Unsafe: perform audit); O3 falls from 50% to 25%
/// against 10, low being good (Amber, Trigger: watch next quarter).
/// </summary>
internal static class AssuranceFacts
{
    public static readonly DateTime February = new(2025, 2, 10, 10, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime May = new(2025, 5, 12, 10, 0, 0, DateTimeKind.Utc);

    public static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.Parse(With(
        Indicator("T1", "T1", "\"leadOfficer\": \"Parveen Akhtar\", \"target\": { \"value\": 80, \"type\": \"L\", \"source\": \"test\" }, \"thresholds\": { \"green\": 80, \"red\": 60 }"),
        Indicator("O3", "O3", "\"polarity\": \"low\", \"target\": { \"value\": 10, \"type\": \"L\", \"source\": \"test\" }")));

    public static async Task RecordAsync(NpgsqlDataSource dataSource)
    {
        var store = new FactStore();
        await dataSource.InTransactionAsync(async t =>
        {
            // T1 counts the decisions of its quarter's contacts.
            await store.RecordContactsAsync(t,
                [.. new[] { "q4-1", "q4-2", "q4-3", "q4-4" }.Select(id => Contact(id, "police-west", February)),
                 .. new[] { "q1-1", "q1-2", "q1-3", "q1-4" }.Select(id => Contact(id, "police-west", May))], CancellationToken.None);
            await store.RecordDecisionTimingsAsync(t,
            [
                Timing("q4-1", true, February), Timing("q4-2", true, February), Timing("q4-3", true, February), Timing("q4-4", true, February),
                Timing("q1-1", true, May), Timing("q1-2", true, May), Timing("q1-3", false, May), Timing("q1-4", false, May),
            ], CancellationToken.None);
            await store.RecordOutcomesAsync(t,
            [
                Referral("q4-a", true, February), Referral("q4-b", false, February),
                Referral("q1-a", true, May), Referral("q1-b", false, May), Referral("q1-c", false, May), Referral("q1-d", false, May),
            ], CancellationToken.None);
        });
    }

    public static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
