using Mash.Quality.Periods;
using Npgsql;

namespace Mash.Quality.Assurance;

/// <summary>Reads the ratings: those in force beside a report's assessments, an indicator's period's history, and one by its request id.</summary>
internal sealed class RatingReader(NpgsqlDataSource dataSource)
{
    private const string Columns = "indicator, period_kind, period_from, period_label, stage, revision, rating, narrative, minute, actor_id, actor_name, decided_at";

    /// <summary>The latest proposal and agreement of each assessment's indicator and period.</summary>
    public async Task<RatingsInForce> InForceAsync(IReadOnlyList<IndicatorAssessment> assessments, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT DISTINCT ON (indicator, period_kind, period_from, stage) {Columns}
            FROM assurance_ratings r
            JOIN unnest($1::text[], $2::text[], $3::date[]) AS p(indicator, period_kind, period_from) USING (indicator, period_kind, period_from)
            ORDER BY indicator, period_kind, period_from, stage, revision DESC
            """);
        command.Parameters.Add(new() { Value = assessments.Select(a => a.Indicator.Reference).ToArray() });
        command.Parameters.Add(new() { Value = assessments.Select(a => Definitions.IndicatorWords.Of(RatingWords.PeriodKinds, a.Period.Kind)).ToArray() });
        command.Parameters.Add(new() { Value = assessments.Select(a => a.Period.From).ToArray() });
        return new RatingsInForce(await ReadAllAsync(command, cancellationToken));
    }

    /// <summary>Every proposal and agreement of the indicator's period, in the order they were given.</summary>
    public async Task<IReadOnlyList<AssuranceRating>> HistoryAsync(string reference, ReportingPeriod period, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM assurance_ratings
            WHERE indicator = $1 AND period_kind = $2 AND period_from = $3 ORDER BY decided_at, stage DESC, revision
            """);
        command.Parameters.Add(new() { Value = reference });
        command.Parameters.Add(new() { Value = Definitions.IndicatorWords.Of(RatingWords.PeriodKinds, period.Kind) });
        command.Parameters.Add(new() { Value = period.From });
        return await ReadAllAsync(command, cancellationToken);
    }

    public static async Task<AssuranceRating?> ByRequestAsync(NpgsqlTransaction transaction, Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM assurance_ratings WHERE request_id = $1", transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = requestId });
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    private static async Task<List<AssuranceRating>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ratings = new List<AssuranceRating>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ratings.Add(new AssuranceRating(
                reader.GetString(0), RatingWords.PeriodKinds[reader.GetString(1)], reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                RatingWords.Stages[reader.GetString(4)], reader.GetInt32(5), RatingWords.Ratings[reader.GetString(6)], reader.GetString(7),
                reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return ratings;
    }
}
