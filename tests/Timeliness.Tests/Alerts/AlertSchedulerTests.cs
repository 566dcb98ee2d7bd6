using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Tests.Infrastructure;

namespace Mash.Timeliness.Tests.Alerts;

/// <summary>
/// The scheduler as the service runs it (a hosted loop) on a fake clock: it sleeps until the next
/// moment and raises it when the clock gets there, with nothing else happening to the contact (its
/// longest sleep is a day here, so only the moment itself can wake it in time). Waits only for the
/// loop to catch up, never for time.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public sealed class AlertSchedulerTests(TimelinessDatabase server)
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task It_raises_each_moment_when_the_clock_reaches_it()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server, options: new() { CheckEvery = TimeSpan.FromDays(1) });
        var scheduler = timeliness.Parts.Scheduler();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            // Written after it started: the write wakes it to sleep until 13:00 rather than a day.
            var contactId = await timeliness.OpenClockAsync(Rag.Red, AlertsUnderTest.Start);

            timeliness.Time.SetUtcNow(AlertsUnderTest.Start.AddHours(3));
            await EventuallyAsync(async () => (await timeliness.AlertsAsync(contactId)).Count == 1);
            timeliness.Time.SetUtcNow(AlertsUnderTest.Start.AddHours(4));
            await EventuallyAsync(async () => (await timeliness.AlertsAsync(contactId)).Count == 2);

            Assert.Equal([AlertKind.Approaching, AlertKind.Breached], (await timeliness.AlertsAsync(contactId)).Select(a => a.Kind));
            Assert.Equal([AlertsUnderTest.Start.AddHours(3), AlertsUnderTest.Start.AddHours(4)], (await timeliness.AlertsAsync(contactId)).Select(a => a.RaisedAt));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_scheduler_that_starts_late_raises_what_fell_due_meanwhile_at_once()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        var first = await timeliness.OpenClockAsync(Rag.Red, AlertsUnderTest.Start);
        var second = await timeliness.OpenClockAsync(Rag.Amber, AlertsUnderTest.Start);
        timeliness.Time.SetUtcNow(AlertsUnderTest.Start.AddHours(20));
        var scheduler = timeliness.Parts.Scheduler();

        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            await EventuallyAsync(async () => (await timeliness.AlertsAsync(second)).Count == 1);

            Assert.Equal(AlertKind.Breached, Assert.Single(await timeliness.AlertsAsync(first)).Kind);
            Assert.Equal(AlertKind.Approaching, Assert.Single(await timeliness.AlertsAsync(second)).Kind);
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var guard = new CancellationTokenSource(HangGuard);
        while (!await condition())
        {
            await Task.Delay(20, guard.Token);
        }
    }
}
