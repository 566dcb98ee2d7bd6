using Mash.Quality.Audits;
using Mash.Quality.Definitions;
using Mash.ServiceDefaults;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.Quality.Assurance;

/// <summary>
/// Acts on the rules' actions: "perform audit" raises a Q7 audit proposal, "watch next quarter" puts
/// the indicator on the watch list. Each once per indicator and period, by a unique key, so evaluating
/// again, a restart or another replica raising the same adds nothing.
/// </summary>
internal sealed class RuleActionRaiser(NpgsqlDataSource dataSource, IOptions<AuditOptions> options, TimeProvider time)
{
    /// <summary>The actor a raised proposal's first step names: no person, the partnership's rule.</summary>
    public const string ActorId = "quality-assurance-rules";

    public async Task RaiseAsync(IEnumerable<IndicatorAssessment> assessments, CancellationToken cancellationToken)
    {
        var raised = RaisedActions.Of(assessments, options.Value.AuditAction, options.Value.WatchAction);
        if (raised.Count == 0)
        {
            return;
        }
        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var action in raised)
        {
            await using var command = new NpgsqlCommand(action.Kind == RaisedKind.Audit ? AuditSql : WatchSql, connection, transaction);
            var (a, period) = (action.Assessment, action.Assessment.Period);
            object[] values = action.Kind == RaisedKind.Audit
                ?
                [
                    NewGuids.OrderedBy(now), $"{a.Indicator.Name}, {period.Label}: {action.Action.Description}", action.Reason,
                    a.Indicator.LeadOfficer ?? "", action.Action.Rule, a.Indicator.Reference, Kind(period), period.From, period.Label, now,
                    ActorId, $"Assurance rule '{action.Action.Rule}'",
                ]
                : [a.Indicator.Reference, Kind(period), period.From, period.Label, action.Action.Rule, action.Action.Description, now];
            foreach (var value in values)
            {
                command.Parameters.Add(new() { Value = value });
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Kind(Periods.ReportingPeriod period) => IndicatorWords.Of(RatingWords.PeriodKinds, period.Kind);

    // The proposal and its first step together, or neither when the indicator's period has one already.
    private const string AuditSql = """
        WITH raised AS (
            INSERT INTO audits (audit_id, focus, rationale, lead_auditor, stage, raised_by_rule, indicator, period_kind, period_from, period_label, reason, proposed_at)
            VALUES ($1, $2, $3, $4, 'proposed', $5, $6, $7, $8, $9, $3, $10)
            ON CONFLICT (indicator, period_kind, period_from) WHERE raised_by_rule IS NOT NULL DO NOTHING
            RETURNING audit_id)
        INSERT INTO audit_steps (audit_id, number, stage, text, actor_id, actor_name, at)
        SELECT audit_id, 1, 'proposed', $2, $11, $12, $10 FROM raised
        """;

    private const string WatchSql = """
        INSERT INTO assurance_watches (indicator, period_kind, period_from, period_label, rule, description, raised_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT DO NOTHING
        """;
}
