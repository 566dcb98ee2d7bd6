using Mash.Timeliness.Reporting;
using Mash.Timeliness.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>The service takes the current slot's snapshot when it starts and each later one as its slot begins, by the clock it is given.</summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class BacklogSnapshotServiceTests(TimelinessDatabase database)
{
    [Fact]
    public async Task It_takes_the_current_slot_at_start_and_the_next_when_the_clock_reaches_it()
    {
        var start = Gmt(2035, 2, 1, 9, 20);
        var time = new FakeTimeProvider(start);
        var slots = new BacklogSlots(TimeSpan.FromHours(1));
        using var service = new BacklogSnapshotService(new BacklogSnapshots(database.DataSource, TimelinessUnderTest.Backlog, time), slots, time, NullLogger<BacklogSnapshotService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await TakenAsync(Gmt(2035, 2, 1, 9));
        Assert.Equal(0, await SlotsAsync(Gmt(2035, 2, 1, 10)));
        time.Advance(TimeSpan.FromMinutes(40));
        await TakenAsync(Gmt(2035, 2, 1, 10), time);
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(1, await SlotsAsync(Gmt(2035, 2, 1, 9)));
        Assert.Equal(1, await SlotsAsync(Gmt(2035, 2, 1, 10)));
    }

    private Task<long> SlotsAsync(DateTimeOffset slot) => database.CountAsync("SELECT count(*) FROM backlog_snapshots WHERE slot_at = $1", slot.UtcDateTime);

    // The service works on its own thread: wait, for as long as the test run allows, until it has stored the slot.
    // With a clock, move it on a minute at a time inside the slot: the service may have read the clock
    // just before the test moved it, and then waits its full interval from the moved time.
    private async Task TakenAsync(DateTimeOffset slot, FakeTimeProvider? time = null)
    {
        while (await SlotsAsync(slot) == 0)
        {
            await Task.Delay(20);
            if (time is not null && time.GetUtcNow() < slot.AddMinutes(59))
            {
                time.Advance(TimeSpan.FromMinutes(1));
            }
        }
    }
}
