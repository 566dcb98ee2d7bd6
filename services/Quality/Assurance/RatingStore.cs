using Mash.Quality.Definitions;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Assurance;

/// <summary>
/// Records proposals and agreements as the next revision of their indicator's period and stage. One
/// at a time per indicator and period (a transaction lock), so revisions never collide across
/// replicas; a request id seen before answers with what it recorded and records nothing more.
/// </summary>
internal sealed class RatingStore(NpgsqlDataSource dataSource, TimeProvider time)
{
    public async Task<RecordRatingResult> RecordAsync(NewRating rating, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var kind = IndicatorWords.Of(RatingWords.PeriodKinds, rating.Period.Kind);
        await using (var lockPeriod = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", connection, transaction))
        {
            lockPeriod.Parameters.Add(new() { Value = $"assurance_ratings:{rating.Reference}:{kind}:{rating.Period.From:O}" });
            await lockPeriod.ExecuteNonQueryAsync(cancellationToken);
        }
        if (await RatingReader.ByRequestAsync(transaction, rating.RequestId, cancellationToken) is { } earlier)
        {
            return new RecordRatingResult.Recorded(earlier);
        }
        if (RatingRules.AgreementNeedsAProposal(rating.Stage, await ProposedAsync(transaction, rating, kind, cancellationToken)) is { } refusal)
        {
            return new RecordRatingResult.Refused(refusal);
        }
        await using var insert = new NpgsqlCommand("""
            INSERT INTO assurance_ratings (rating_id, request_id, indicator, period_kind, period_from, period_label, stage, revision, rating, narrative, minute, actor_id, actor_name, decided_at)
            SELECT $1, $2, $3, $4, $5, $6, $7,
                   coalesce((SELECT max(revision) FROM assurance_ratings WHERE indicator = $3 AND period_kind = $4 AND period_from = $5 AND stage = $7), 0) + 1,
                   $8, $9, $10, $11, $12, $13
            """, connection, transaction);
        var now = time.GetUtcNow();
        foreach (var value in new object[]
        {
            NewGuids.OrderedBy(now), rating.RequestId, rating.Reference, kind, rating.Period.From, rating.Period.Label,
            IndicatorWords.Of(RatingWords.Stages, rating.Stage), IndicatorWords.Of(RatingWords.Ratings, rating.Rating),
            rating.Narrative, rating.Minute, rating.By.Id, rating.By.Name, now,
        })
        {
            insert.Parameters.Add(new() { Value = value });
        }
        await insert.ExecuteNonQueryAsync(cancellationToken);
        var recorded = await RatingReader.ByRequestAsync(transaction, rating.RequestId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RecordRatingResult.Recorded(recorded!);
    }

    private static async Task<bool> ProposedAsync(NpgsqlTransaction transaction, NewRating rating, string kind, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT EXISTS (SELECT 1 FROM assurance_ratings WHERE indicator = $1 AND period_kind = $2 AND period_from = $3 AND stage = 'proposed')",
            transaction.Connection, transaction);
        command.Parameters.Add(new() { Value = rating.Reference });
        command.Parameters.Add(new() { Value = kind });
        command.Parameters.Add(new() { Value = rating.Period.From });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
