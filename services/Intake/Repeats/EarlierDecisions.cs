using Npgsql;

namespace Mash.Intake.Repeats;

/// <summary>
/// Which of the earlier contacts an importer names (<c>earlier_decided_ids</c>) Intake has not yet
/// heard decided: an imported contact waits for them, so it finds its repeat referrals (O3) as it
/// would have live. A contact once decided stays decided, so an answer never goes stale.
/// </summary>
public sealed class EarlierDecisions(NpgsqlDataSource dataSource)
{
    /// <summary>Those of <paramref name="contactIds"/> not decided here (unknown ones too), in one query for a whole batch.</summary>
    public async Task<IReadOnlySet<Guid>> UndecidedAsync(IEnumerable<Guid> contactIds, CancellationToken cancellationToken)
    {
        var undecided = contactIds.ToHashSet();
        if (undecided.Count == 0)
        {
            return undecided;
        }
        await using var command = dataSource.CreateCommand("SELECT id FROM contacts WHERE id = ANY($1) AND decided_at IS NOT NULL");
        command.Parameters.Add(new() { Value = undecided.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            undecided.Remove(reader.GetGuid(0));
        }
        return undecided;
    }
}
