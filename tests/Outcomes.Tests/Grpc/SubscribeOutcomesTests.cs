using Mash.Contracts.Events.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Tests.Infrastructure;
using Grpc.Core;
using Mash.ServiceDefaults;

namespace Mash.Outcomes.Tests.Grpc;

[Collection(OutcomesDatabaseCollection.Name)]
public sealed class SubscribeOutcomesTests(OutcomesDatabase database)
{
    private static readonly string[] Board = [MashRoles.BoardMember];

    private static OutcomeRecorded Outcome(string caseRef) => new() { CaseRef = caseRef, Outcome = "advice" };

    [Fact]
    public async Task A_subscriber_receives_outcomes_and_its_stream_ends_cleanly_when_it_cancels()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var writer = new TestStreamWriter<OutcomeRecorded>();
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), writer, TestCallContext.ByStaff("board-1", Board, client.Token));

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
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync(), feedCapacity: 1);
        var writer = new TestStreamWriter<OutcomeRecorded>(stuck: true);
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), writer, TestCallContext.ByStaff("board-1", Board));

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
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), new TestStreamWriter<OutcomeRecorded>(), TestCallContext.ByStaff("board-1", Board));

        outcomes.Lifetime.StopApplication();

        var error = await Assert.ThrowsAsync<RpcException>(() => call);
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task Opening_the_stream_is_audited_with_the_board_member_from_the_credentials()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var outcomes = new OutcomesUnderTest(dataSource);
        using var client = new CancellationTokenSource();
        var call = outcomes.Service.SubscribeOutcomes(new SubscribeOutcomesRequest(), new TestStreamWriter<OutcomeRecorded>(), TestCallContext.ByStaff("board-7", Board, client.Token, "/mash.outcomes.v1.OutcomesService/SubscribeOutcomes"));
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE actor_id = 'board-7' AND action = '/mash.outcomes.v1.OutcomesService/SubscribeOutcomes' AND outcome = 'allowed'");

        while ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            await Task.Delay(20);
        }
        await client.CancelAsync();
        await call;
    }
}
