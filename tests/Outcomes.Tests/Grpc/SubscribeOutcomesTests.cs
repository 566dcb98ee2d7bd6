using Mash.Contracts.Events.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Grpc.Core;
using Npgsql;

namespace Mash.Outcomes.Tests.Grpc;

public sealed class SubscribeOutcomesTests
{
    // The stream never touches the database; the data source is never opened.
    private static readonly NpgsqlDataSource NoDatabase = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1");

    private static OutcomeRecorded Outcome(string caseRef) => new() { CaseRef = caseRef, Outcome = "advice" };

    [Fact]
    public async Task A_subscriber_receives_outcomes_and_its_stream_ends_cleanly_when_it_cancels()
    {
        var outcomes = new OutcomesUnderTest(NoDatabase);
        var writer = new TestStreamWriter<OutcomeRecorded>();
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), writer, new TestCallContext(client.Token));

        outcomes.Broadcaster.Publish(Outcome("ref-1"));
        await writer.FirstWrite;
        await client.CancelAsync();
        await call;

        Assert.Equal("ref-1", Assert.Single(writer.Written).CaseRef);
        Assert.Equal(0, outcomes.Broadcaster.SubscriberCount);
    }

    [Fact]
    public async Task A_subscriber_that_stops_reading_is_ended_with_resource_exhausted()
    {
        var outcomes = new OutcomesUnderTest(NoDatabase, feedCapacity: 1);
        var writer = new TestStreamWriter<OutcomeRecorded>(stuck: true);
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), writer, new TestCallContext());

        outcomes.Broadcaster.Publish(Outcome("ref-1"));
        await writer.FirstWrite;
        outcomes.Broadcaster.Publish(Outcome("ref-2"));
        outcomes.Broadcaster.Publish(Outcome("ref-3"));

        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Open_streams_end_with_unavailable_when_the_replica_stops_so_clients_reconnect_elsewhere()
    {
        var outcomes = new OutcomesUnderTest(NoDatabase);
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), new TestStreamWriter<OutcomeRecorded>(), new TestCallContext());

        outcomes.Lifetime.StopApplication();

        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }
}
