using Mash.Intake.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Mash.Intake.Reliability.Tests;

/// <summary>Intake killed outright (kill -9) under load, then started again on the same ports and database.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class IntakeKilledTests(ReliabilityFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_acknowledged_contact_survives_a_kill_9_and_produces_exactly_one_event()
    {
        await using var scenario = await Scenario.StartAsync(fixture, output);
        var load = scenario.Load;

        load.Release(100);
        await scenario.Within(load.WhenAcknowledged(100), "Warming up");
        // Killed the moment the next batch is under way: calls in flight, transactions open,
        // events committed but not yet published.
        load.Release(200);
        await scenario.Within(load.WhenAcknowledged(120), "Under way");
        scenario.Intake.Kill();
        var acknowledgedAtKill = load.Acknowledgements;
        await scenario.Within(load.WhenFailed(1), "Calls failing while Intake is gone");
        await scenario.Intake.StartAsync(Scenario.HangGuard);
        await scenario.Within(load.WhenAcknowledged(300), "The interrupted batch, after the restart");
        load.Release(100);
        await scenario.Within(load.CompleteAsync(), "The last batch");

        scenario.Report($"killed with {acknowledgedAtKill} of the first 300 contacts acknowledged");
        Assert.True(acknowledgedAtKill < 300, "The kill came after the batch was done: nothing was in flight.");
        Assert.Equal(2, scenario.Intake.Runs);
        await scenario.VerifyAsync();
    }
}
