using Grpc.Core;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Grpc;
using Mash.Timeliness.Reporting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>TimelinessService on a real gRPC port over an <see cref="AlertsUnderTest"/>: WatchAlerts as a manager's client reaches it.</summary>
internal sealed class AlertsServer(GrpcTestHost host) : IAsyncDisposable
{
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    public TimelinessService.TimelinessServiceClient Client { get; } = new(host.Channel);

    public static async Task<AlertsServer> StartAsync(AlertsUnderTest timeliness) => new(await GrpcTestHost.StartAsync(
        builder =>
        {
            builder.Services.AddSingleton(new ClockStore(timeliness.Database));
            builder.Services.AddSingleton(timeliness.Deadlines);
            builder.Services.AddSingleton<TimeProvider>(timeliness.Time);
            builder.Services.AddSingleton(new AuditLog(timeliness.Database, timeliness.Time));
            builder.Services.AddSingleton(new DecisionTimelinessReport(timeliness.Database, "Europe/London"));
            builder.Services.AddSingleton(TimelinessUnderTest.ReportsOver(timeliness.Database, timeliness.Time));
            builder.Services.AddSingleton(timeliness.Parts.Watch);
            builder.Services.Configure<global::Grpc.AspNetCore.Server.GrpcServiceOptions>(o => o.EnableDetailedErrors = true);
        },
        app => app.MapGrpcService<TimelinessGrpcService>()));

    public static Metadata Manager(string id = "mgr-1") => TestTokens.Bearer(TestTokens.For(id, MashRoles.Manager));

    public AsyncServerStreamingCall<Alert> Watch(WatchAlertsRequest request, Metadata? credentials = null, CancellationToken cancellationToken = default) =>
        Client.WatchAlerts(request, credentials ?? Manager(), cancellationToken: cancellationToken);

    /// <summary>The next <paramref name="count"/> alerts of an open watch.</summary>
    public static async Task<List<Alert>> ReadAsync(AsyncServerStreamingCall<Alert> watch, int count)
    {
        var alerts = new List<Alert>();
        while (alerts.Count < count && await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard))
        {
            alerts.Add(watch.ResponseStream.Current);
        }
        return alerts;
    }

    /// <summary>
    /// The next alert of an open watch that only its poll will find (raised by another replica):
    /// moves the fake clock a poll interval at a time until it arrives, as the watch may reach its
    /// wait after any one move.
    /// </summary>
    public static async Task<Alert> ReadPollingAsync(AsyncServerStreamingCall<Alert> watch, AlertsUnderTest timeliness)
    {
        var next = watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard);
        while (!next.IsCompleted)
        {
            timeliness.Time.Advance(timeliness.Parts.Options.WatchPollInterval);
            await Task.WhenAny(next, Task.Delay(50));
        }
        Assert.True(await next);
        return watch.ResponseStream.Current;
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
