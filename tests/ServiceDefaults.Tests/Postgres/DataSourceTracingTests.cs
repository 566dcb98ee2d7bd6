using System.Collections.Concurrent;
using System.Diagnostics;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Mash.ServiceDefaults.Tests.Postgres;

/// <summary>
/// A command in a trace (a call, a consumer) is a span of it; a command outside any trace (the
/// outbox's poll, a health check) is not a span at all, so polls do not bury the dashboard's traces.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class DataSourceTracingTests(InfrastructureFixture infrastructure) : IDisposable
{
    private const string CallerName = "Mash.ServiceDefaults.Tests.Caller";
    private static readonly ActivitySource Caller = new(CallerName);
    private readonly ConcurrentQueue<Activity> commands = new();
    private readonly ActivityListener listener = new()
    {
        ShouldListenTo = source => source.Name is "Npgsql" or CallerName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private ActivityListener Listening()
    {
        listener.ActivityStopped = commands.Enqueue;
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    [Fact]
    public async Task A_command_in_a_trace_is_a_span_of_it_and_one_outside_is_none()
    {
        Listening();
        using var host = await BuildAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        Activity.Current = null;

        await RunAsync(dataSource, "SELECT 1 AS outside");
        ActivityTraceId traced;
        using (var call = Caller.StartActivity("a call"))
        {
            traced = call!.TraceId;
            await RunAsync(dataSource, "SELECT 2 AS inside");
        }

        // Other tests of the collection run commands too: only this test's database counts. Opening a
        // physical connection is a span of its own, rare with pooling, and left as Npgsql makes it.
        var spans = commands.Where(a => a.Source.Name == "Npgsql" && a.GetTagItem("db.query.text") is not null && Equals(a.GetTagItem("db.namespace"), database)).ToList();
        Assert.Contains(spans, a => a.TraceId == traced);
        Assert.DoesNotContain(spans, a => a.TraceId != traced);
    }

    public void Dispose() => listener.Dispose();

    private string? database;

    private async Task<IHost> BuildAsync()
    {
        database = await infrastructure.Postgres.CreateDatabaseAsync("tracing");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "tracing-tests", EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database) });
        builder.AddServiceDatabase();
        return builder.Build();
    }

    private static async Task RunAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteScalarAsync();
    }
}
