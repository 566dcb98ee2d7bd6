using System.Diagnostics.Metrics;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Mash.ServiceDefaults;

/// <summary>
/// Samples what operators watch, every <see cref="OperationsOptions.SampleInterval"/>, off the
/// request path: the database (reachable, its pool, the outbox's backlog) and the queues (depths,
/// <c>_error</c> queues, the broker reachable). Health checks and the metrics of
/// <see cref="OperationsMetrics"/> read the latest sample, so <c>/health</c> and grpc.health.v1
/// answer at once however loaded the service is, and a dead dependency shows within a sample.
/// </summary>
internal sealed partial class OperationsMonitor : BackgroundService
{
    private readonly IServiceProvider services;
    private readonly OperationsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<OperationsMonitor> logger;
    private readonly NpgsqlDataSource? dataSource;
    private readonly bool hasOutbox;
    private readonly QueueDepthSampler? queues;
    private readonly TaskCompletionSource firstSample = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile OperationsSnapshot? latest;

    public OperationsMonitor(
        IServiceProvider services,
        IServiceProviderIsService registered,
        IConfiguration configuration,
        IHostEnvironment environment,
        BusQueues busQueues,
        ConsumerFaults faults,
        IMeterFactory meters,
        IOptions<OperationsOptions> options,
        TimeProvider time,
        ILogger<OperationsMonitor> logger)
    {
        this.services = services;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        ConnectionPoolWatch.Start();
        dataSource = services.GetService<NpgsqlDataSource>();
        hasOutbox = registered.IsService(typeof(EventOutbox));
        if (registered.IsService(typeof(IBus)) && configuration.GetConnectionString(BusConnectionName) is { Length: > 0 } broker)
        {
            queues = new QueueDepthSampler(broker, $"{environment.ApplicationName} queue depths", busQueues, faults, this.options.MissingQueueRecheck, time);
        }
        OperationsMetrics.Register(meters, () => latest);
    }

    /// <summary>The connection string <c>AddMashBus</c> reads by default.</summary>
    internal const string BusConnectionName = "rabbitmq";

    /// <summary>Whether it samples anything again after the first (a database or a broker to ask).</summary>
    public bool KeepsSampling => dataSource is not null || queues is not null;

    /// <summary>The latest sample, or null before the first.</summary>
    public OperationsSnapshot? Latest => latest;

    /// <summary>The latest sample, waiting for the first (itself bounded by the probe timeout).</summary>
    public async Task<OperationsSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        await firstSample.Task.WaitAsync(cancellationToken);
        return latest!;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!KeepsSampling)
        {
            latest = new OperationsSnapshot(null, null, time.GetUtcNow());
            firstSample.TrySetResult();
            return;
        }
        try
        {
            using var timer = new PeriodicTimer(options.SampleInterval, time);
            do
            {
                var database = dataSource is null ? null : await SampleDatabaseAsync(dataSource, stoppingToken);
                var depths = queues is null ? null : await SampleQueuesAsync(queues, latest?.Queues, stoppingToken);
                latest = new OperationsSnapshot(database, depths, time.GetUtcNow());
                firstSample.TrySetResult();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (queues is not null)
            {
                await queues.DisposeAsync();
            }
        }
    }

    private async Task<DatabaseSample> SampleDatabaseAsync(NpgsqlDataSource database, CancellationToken stoppingToken)
    {
        // Read before asking for a connection: the probe's own wait would count among the waiting.
        var pool = ConnectionPoolWatch.Read(database);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.ProbeTimeout);
        try
        {
            await using var connection = await database.OpenConnectionAsync(timeout.Token);
            OutboxBacklog? backlog = null;
            if (hasOutbox && MigrationsApplied())
            {
                backlog = await OutboxBacklog.ReadAsync(connection, services.GetService<EventOutbox>(), timeout.Token);
            }
            else
            {
                // A pooled connection may be idle on a server that has gone: only a query proves it answers.
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(timeout.Token);
            }
            return new DatabaseSample(pool is { IsSaturated: true } ? DatabaseState.Saturated : DatabaseState.Reachable, pool, backlog);
        }
        catch (PostgresException ex) when (!DatabaseFailures.IsUnavailable(ex))
        {
            // It answered, with an error of its own (a table not there yet): reachable.
            LogSampleFailed(logger, ex);
            return new DatabaseSample(pool is { IsSaturated: true } ? DatabaseState.Saturated : DatabaseState.Reachable, pool, null);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // A full pool kept the probe waiting (Npgsql's own pool timeout says so as an exception
            // too), or PostgreSQL refused, failed or did not answer with connections to spare.
            var after = ConnectionPoolWatch.Read(database) ?? pool;
            if (after is { IsSaturated: true } or { IsFull: true })
            {
                return new DatabaseSample(DatabaseState.Saturated, after, latest?.Database?.Outbox);
            }
            return new DatabaseSample(DatabaseState.Unreachable, after, latest?.Database?.Outbox, ex is OperationCanceledException ? null : ex);
        }
    }

    private async Task<QueueSample> SampleQueuesAsync(QueueDepthSampler sampler, QueueSample? previous, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.ProbeTimeout);
        try
        {
            return new QueueSample(await sampler.SampleAsync(timeout.Token));
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            return new QueueSample(previous?.Depths ?? [], ex is OperationCanceledException ? new TimeoutException($"RabbitMQ did not answer within {options.ProbeTimeout}.") : ex);
        }
    }

    private bool MigrationsApplied() =>
        services.GetService<DatabaseMigrationStatus>() is not { } migrations || migrations.Phase == MigrationPhase.Completed;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sampling the database for health and metrics failed.")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
