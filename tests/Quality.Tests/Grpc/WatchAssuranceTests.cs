using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Consumers;
using Mash.Quality.Definitions;
using Mash.Quality.Facts;
using Mash.Quality.Grpc;
using Mash.Quality.Live;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Messaging;
using Mash.Testing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Mash.Quality.Tests.Definitions.IndicatorFiles;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Grpc;

/// <summary>
/// WatchAssurance over a real gRPC port: a board member's watch of T1 (decisions within target) for
/// 2025/26 Q1, asked as at May 2025, sees the assurance at once and again after each event that
/// changes it.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class WatchAssuranceTests(QualityDatabase database) : IAsyncLifetime
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly DateTime May = new(2025, 5, 12, 10, 0, 0, DateTimeKind.Utc);
    private static readonly GetAssuranceRequest Q1 = new() { AsOf = Timestamp.FromDateTime(May) };
    private static readonly IndicatorCatalogue Catalogue = IndicatorCatalogue.Parse(With(Indicator("T1", "T1")));

    private NpgsqlDataSource dataSource = null!;
    private GrpcTestHost host = null!;

    private AssuranceService.AssuranceServiceClient Client => new(host.Channel);

    private FactChanges Changes => host.Services.GetRequiredService<FactChanges>();

    public async Task InitializeAsync()
    {
        dataSource = await database.CreateDatabaseAsync();
        // T1 counts the quarter's contacts' decisions: c1–c4 are received in it.
        await dataSource.InTransactionAsync(t => new FactStore().RecordContactsAsync(
            t, new[] { "c1", "c2", "c3", "c4" }.Select(id => Contact(id, "police-west", May)), CancellationToken.None));
        host = await GrpcTestHost.StartAsync(
            builder =>
            {
                builder.Services.AddQualityParts(dataSource, Catalogue, TimeProvider.System);
                // Short, so the test of a change another replica consumed does not wait long for it.
                builder.Services.Configure<WatchOptions>(o => o.Recheck = TimeSpan.FromMilliseconds(500));
            },
            app => app.MapGrpcService<AssuranceGrpcService>());
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_watch_sends_the_assurance_at_once_then_again_when_an_event_changes_it()
    {
        using var watch = Watch();
        var first = await NextAsync(watch);
        Assert.False(first.HasValue);

        await TimedAsync(Timed("c1", withinTarget: true), Timed("c2", withinTarget: false));

        Assert.Equal(50.0, (await NextAsync(watch)).Value);
    }

    [Fact]
    public async Task An_event_that_changes_nothing_sends_nothing()
    {
        using var watch = Watch();
        await NextAsync(watch);
        var within = Timed("c1", withinTarget: true);
        await TimedAsync(within);
        Assert.Equal(100.0, (await NextAsync(watch)).Value);

        // Redelivered, it changes no fact: the next report is the one after the next real change.
        await TimedAsync(within);
        await TimedAsync(Timed("c2", withinTarget: false), Timed("c3", withinTarget: false), Timed("c4", withinTarget: false));

        Assert.Equal(25.0, (await NextAsync(watch)).Value);
    }

    [Fact]
    public async Task A_change_another_replica_consumed_arrives_by_the_recheck()
    {
        using var watch = Watch();
        await NextAsync(watch);

        // Written without this replica's consumers: no change is heard.
        await dataSource.InTransactionAsync(t => new FactStore().RecordDecisionTimingAsync(t, Timing("c1", true, May), CancellationToken.None));

        Assert.Equal(100.0, (await NextAsync(watch)).Value);
    }

    [Fact]
    public async Task An_idle_watch_outlives_the_minimum_data_rate_grace_period()
    {
        using var watch = Watch();
        await NextAsync(watch);

        // Longer than Kestrel's 5 s grace, during which the stream carries nothing.
        await Task.Delay(TimeSpan.FromSeconds(8));
        await TimedAsync(Timed("c1", withinTarget: true));

        Assert.Equal(100.0, (await NextAsync(watch)).Value);
    }

    [Fact]
    public async Task A_request_at_fault_is_INVALID_ARGUMENT_before_anything_is_sent()
    {
        using var watch = Client.WatchAssurance(new GetAssuranceRequest { Period = (ReportingPeriodKind)99 }, BoardMember());

        var refused = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
    }

    private AsyncServerStreamingCall<AssuranceReport> Watch() => Client.WatchAssurance(Q1, BoardMember());

    private static Metadata BoardMember() => TestTokens.Bearer(TestTokens.For("board-1", MashRoles.BoardMember));

    // T1's assurance in the next report of an open watch.
    private static async Task<IndicatorAssurance> NextAsync(AsyncServerStreamingCall<AssuranceReport> watch)
    {
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));
        return Assert.Single(watch.ResponseStream.Current.Indicators);
    }

    private Task TimedAsync(params DecisionTimed[] batch) =>
        new DecisionTimedConsumer(dataSource, new FactStore(), Changes).Consume(DeliveredBatch.Of(batch));

    private static DecisionTimed Timed(string contactId, bool withinTarget) => new()
    {
        EventId = Guid.NewGuid().ToString(), ContactId = contactId, Rag = Rag.Red, WithinTarget = withinTarget,
        OccurredAt = Timestamp.FromDateTime(May), RecordedAt = Timestamp.FromDateTime(May),
    };
}
