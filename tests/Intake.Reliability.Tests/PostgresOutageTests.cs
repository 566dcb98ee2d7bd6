using Mash.Intake.Reliability.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Grpc.Core;
using Xunit.Abstractions;

namespace Mash.Intake.Reliability.Tests;

/// <summary>PostgreSQL stopped under load (pg_ctl stop -m fast), then started again (same port and data).</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PostgresOutageTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task While_PostgreSQL_is_down_calls_fail_UNAVAILABLE_and_nothing_unstored_is_acknowledged()
    {
        await using var scenario = await Scenario.StartAsync(fixture, output);
        var load = scenario.Load;
        var postgres = fixture.Postgres;

        load.Release(100);
        await scenario.Within(load.WhenAcknowledged(100), "Warming up");
        load.Release(100);
        await scenario.Within(load.WhenAcknowledged(120), "Under way");
        int acknowledgedWhileDown;
        try
        {
            // Stopping while the second batch is under way; the third is submitted only once it is
            // down, so there are always calls to fail however quickly the second batch went.
            await postgres.StopAsync();
            load.Release(100);
            // Down, and the workers retrying against it: over a stretch of 32 failed attempts
            // (after the first 16, which may have been on their way before the stop), no call may
            // be acknowledged, since nothing can be stored.
            var failedAtStop = load.FailureCount;
            await scenario.Within(load.WhenFailed(failedAtStop + 16), "Calls failing while PostgreSQL is down");
            var acknowledgedBefore = load.Acknowledgements;
            await scenario.Within(load.WhenFailed(load.FailureCount + 32), "More calls failing while PostgreSQL is down");
            acknowledgedWhileDown = load.Acknowledgements - acknowledgedBefore;
        }
        finally
        {
            await postgres.StartAgainAsync();
        }
        await scenario.Within(load.WhenAcknowledged(300), "The second and third batches, once PostgreSQL is back");
        load.Release(100);
        await scenario.Within(load.CompleteAsync(), "The last batch");

        var failures = load.Failures;
        scenario.Report($"{failures.Count} failed attempts; acknowledged while down: {acknowledgedWhileDown}");
        Assert.Equal(0, acknowledgedWhileDown);
        Assert.NotEmpty(failures);
        Assert.All(failures, f => Assert.Equal((StatusCode.Unavailable, DatabaseUnavailableInterceptor.Detail), (f.Code, f.Detail)));
        await scenario.VerifyAsync();
    }
}
