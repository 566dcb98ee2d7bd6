using Npgsql;

namespace PlatformBenchmark;

/// <summary>
/// One downstream projection of the contacts, counted in its service's own database: how many
/// contacts it holds. Only received contacts count (nothing in the benchmark rates or decides), so
/// the count is comparable with Intake's acknowledgements.
/// </summary>
internal sealed record Projection(string Service, string Database, string What, string CountSql);

/// <summary>
/// The four projections the goals are about, and Intake's own count for a cross-check, each read on
/// one connection of its own (a benchmark's sampler should not take the platform's connections).
/// </summary>
internal sealed class Projections : IAsyncDisposable
{
    public static readonly Projection[] All =
    [
        new("triage", "triagedb", "screening queue", "SELECT count(*) FROM queue_items"),
        // A clock is created by whichever of its facts arrives first; a started one has its ContactReceived.
        new("timeliness", "timelinessdb", "clocks", "SELECT count(*) FROM clocks WHERE started_at IS NOT NULL"),
        new("outcomes", "outcomesdb", "journeys", "SELECT count(*) FROM journeys WHERE received"),
        new("quality", "qualitydb", "contact facts", "SELECT count(*) FROM contacts"),
    ];

    private static readonly Projection Intake = new("intake", "intakedb", "contacts", "SELECT count(*) FROM contacts");

    private readonly NpgsqlDataSource[] sources;
    private readonly NpgsqlDataSource intake;
    private long[] baseline;

    private Projections(NpgsqlDataSource[] sources, NpgsqlDataSource intake)
    {
        this.sources = sources;
        this.intake = intake;
        baseline = new long[sources.Length];
    }

    public static async Task<Projections> OpenAsync(Func<string, Task<string>> connectionString)
    {
        var sources = new NpgsqlDataSource[All.Length];
        for (var i = 0; i < All.Length; i++)
        {
            sources[i] = Open(await connectionString(All[i].Database));
        }
        var projections = new Projections(sources, Open(await connectionString(Intake.Database)));
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

    /// <summary>The contacts Intake holds.</summary>
    public Task<long> CountIntakeAsync(CancellationToken cancellationToken) => CountAsync(intake, Intake, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var source in sources)
        {
            await source.DisposeAsync();
        }
        await intake.DisposeAsync();
    }

    private async Task<long[]> RawCountsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(sources.Select((source, i) => CountAsync(source, All[i], cancellationToken)));

    private static async Task<long> CountAsync(NpgsqlDataSource source, Projection projection, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand(projection.CountSql);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static NpgsqlDataSource Open(string connectionString) => NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = "platform-benchmark",
        MaxPoolSize = 1,
        CommandTimeout = 60,
    }.ConnectionString);
}
