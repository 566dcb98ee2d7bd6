using System.Diagnostics;
using Mash.ServiceDefaults.Tests.Infrastructure;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.ServiceDefaults.Tests;

/// <summary>
/// An event leaves the outbox in the trace of the change that wrote it, so a contact's journey
/// through every service's consumers reads as one trace on the dashboard.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxTraceTests(InfrastructureFixture infrastructure) : IDisposable
{
    private static readonly ActivitySource Writer = new("Mash.ServiceDefaults.Tests.Writer");
    private readonly ActivityListener listener = ListenToEverything();

    [Fact]
    public async Task The_consumer_runs_in_the_trace_of_the_transaction_that_wrote_the_event()
    {
        var consumed = new TraceSink();
        await using var host = await StartAsync(consumed);
        ActivityTraceId written;

        using (var change = Writer.StartActivity("record a change"))
        {
            written = change!.TraceId;
            await host.AddEventAsync(BusTests.SampleEvent());
        }
        var traceOfConsumer = await consumed.Trace.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.Equal(written, traceOfConsumer);
    }

    [Fact]
    public async Task An_event_written_outside_any_trace_starts_its_own()
    {
        var consumed = new TraceSink();
        await using var host = await StartAsync(consumed);
        Activity.Current = null;

        await host.AddEventAsync(BusTests.SampleEvent());
        var traceOfConsumer = await consumed.Trace.Task.WaitAsync(ServiceHost.HangGuard);

        Assert.NotEqual(default, traceOfConsumer);
    }

    [Fact]
    public async Task Events_written_in_different_traces_and_published_in_one_batch_each_keep_their_own_trace()
    {
        var consumed = new TraceSink();
        await using var host = await StartAsync(consumed);
        ActivityTraceId[] written = [ActivityTraceId.CreateRandom(), ActivityTraceId.CreateRandom()];

        // One transaction, so the dispatcher takes both in one batch.
        await using (var connection = await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            await using var batch = new NpgsqlBatch(connection)
            {
                BatchCommands = { EventOutbox.AddRangeCommand([BusTests.SampleEvent(), BusTests.SampleEvent()], [.. written.Select(t => $"00-{t}-{ActivitySpanId.CreateRandom()}-01")]) },
            };
            await batch.ExecuteNonQueryAsync();
        }
        host.Services.GetRequiredService<EventOutbox>().Wake();
        var eventTraces = await consumed.EventTraces.Task.WaitAsync(ServiceHost.HangGuard);
        var traceOfConsumer = await consumed.Trace.Task;

        Assert.Equal(written, eventTraces.Select(t => ActivityContext.Parse(t!, null).TraceId));
        Assert.Equal(written[0], traceOfConsumer);
    }

    public void Dispose() => listener.Dispose();

    private async Task<ServiceHost> StartAsync(TraceSink sink)
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("outboxtrace");
        var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database),
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = $"sdtests-trace-{Guid.NewGuid():N}"[..28],
        }, b =>
        {
            b.Services.AddSingleton(sink);
            b.AddDatabaseMigrations(EventOutbox.Migrations);
            b.AddMashBus(bus => bus.AddConsumer<TraceRecordingConsumer>());
            b.AddEventOutbox();
        });
        await host.WaitUntilHealthyAsync();
        return host;
    }


    private static ActivityListener ListenToEverything()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}

public sealed class TraceSink
{
    /// <summary>The trace the first batch was consumed in.</summary>
    public TaskCompletionSource<ActivityTraceId> Trace { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first batch's events' own traces, as the batch carried them.</summary>
    public TaskCompletionSource<IReadOnlyList<string?>> EventTraces { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class TraceRecordingConsumer(TraceSink sink) : IConsumer<EventBatch<Events.ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<Events.ContactRated>> context)
    {
        sink.Trace.TrySetResult(Activity.Current?.TraceId ?? default);
        sink.EventTraces.TrySetResult(context.Message.TraceParents);
        return Task.CompletedTask;
    }
}
