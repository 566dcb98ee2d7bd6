using Npgsql;

namespace PlatformBenchmark;

/// <summary>
/// One downstream projection of the contacts, counted in its service's own database: how many
/// contacts it holds. Only received contacts count (nothing in the benchmark rates or decides), so
/// the count is comparable with Intake's acknowledgements.
/// </summary>
internal sealed record Projection(string Service, string Database, string What, string CountSql, string IdsSql);

/// <summary>
/// The four projections the goals are about, and Intake's own count for a cross-check. One count at
/// a time on a connection opened for it and closed after (no pool), so the benchmark takes at most
/// one of the connections PostgreSQL keeps for operators, never one a service budgets for.
/// </summary>
internal sealed class Projections
{
    public static readonly Projection[] All =
    [
        new("triage", "triagedb", "screening queue", "SELECT count(*) FROM queue_items", "SELECT contact_id FROM queue_items"),
        // A clock is created by whichever of its facts arrives first; a started one has its ContactReceived.
        new("timeliness", "timelinessdb", "clocks", "SELECT count(*) FROM clocks WHERE started_at IS NOT NULL", "SELECT contact_id FROM clocks WHERE started_at IS NOT NULL"),
        new("outcomes", "outcomesdb", "journeys", "SELECT count(*) FROM journeys WHERE received", "SELECT contact_id FROM journeys WHERE received"),
        new("quality", "qualitydb", "contact facts", "SELECT count(*) FROM contacts", "SELECT contact_id FROM contacts"),
    ];

    private static readonly Projection Intake = new("intake", "intakedb", "contacts", "SELECT count(*) FROM contacts", "SELECT id::text FROM contacts");

    private readonly string[] connectionStrings;
    private readonly string intake;
    private long[] baseline;

    private Projections(string[] connectionStrings, string intake)
    {
        this.connectionStrings = connectionStrings;
        this.intake = intake;
        baseline = new long[connectionStrings.Length];
    }

    public static async Task<Projections> OpenAsync(Func<string, Task<string>> connectionString)
    {
        var connectionStrings = new string[All.Length];
        for (var i = 0; i < All.Length; i++)
        {
            connectionStrings[i] = Unpooled(await connectionString(All[i].Database));
        }
        var projections = new Projections(connectionStrings, Unpooled(await connectionString(Intake.Database)));
        // A fresh platform holds nothing; counting from what it holds keeps the arithmetic right if not.
        projections.baseline = await projections.RawCountsAsync(CancellationToken.None);
        return projections;
    }

    /// <summary>Each projection's contacts since the benchmark began, in the order of <see cref="All"/>.</summary>
    public async Task<long[]> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await RawCountsAsync(cancellationToken);
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] -= baseline[i];
        }
        return counts;
    }

    /// <summary>
    /// For Intake and each projection, how many of <paramref name="acknowledged"/> (contact ids) it
    /// lacks, e.g. "intake 0, triage 0, ...": an acknowledged contact must reach every one of them.
    /// </summary>
    public async Task<IReadOnlyList<(string Service, long Missing)>> MissingAsync(IReadOnlyCollection<string> acknowledged, CancellationToken cancellationToken)
    {
        var missing = new List<(string, long)>();
        foreach (var (projection, connectionString) in All.Zip(connectionStrings).Prepend((Intake, intake)))
        {
            var held = await IdsAsync(connectionString, projection, cancellationToken);
            missing.Add((projection.Service, acknowledged.LongCount(id => !Guid.TryParse(id, out var contact) || !held.Contains(contact))));
        }
        return missing;
    }

    private static async Task<HashSet<Guid>> IdsAsync(string connectionString, Projection projection, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(projection.IdsSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Guid.TryParse(reader.GetString(0), out var id))
            {
                ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>The contacts Intake holds.</summary>
    public Task<long> CountIntakeAsync(CancellationToken cancellationToken) => CountAsync(intake, Intake, cancellationToken);

    private async Task<long[]> RawCountsAsync(CancellationToken cancellationToken)
    {
        var counts = new long[All.Length];
        for (var i = 0; i < All.Length; i++)
        {
            counts[i] = await CountAsync(connectionStrings[i], All[i], cancellationToken);
        }
        return counts;
    }

    private static async Task<long> CountAsync(string connectionString, Projection projection, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(projection.CountSql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static string Unpooled(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = "platform-benchmark",
        Pooling = false,
        Timeout = 15,
        CommandTimeout = 60,
    }.ConnectionString;
}
