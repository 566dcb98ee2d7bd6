using Mash.Contracts.Common.V1;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Tests.Infrastructure;

namespace Mash.Timeliness.Tests.Alerts;

/// <summary>The alert log read in pages from a resume position: a full page ends at its last alert, and a read looks through the alerts its filter leaves out, so none is read twice.</summary>
[Collection(TimelinessDatabaseCollection.Name)]
public sealed class AlertLogTests(TimelinessDatabase server)
{
    private static async Task<AlertsUnderTest> FiveBreachedAsync(TimelinessDatabase server)
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        for (var i = 0; i < 5; i++)
        {
            await timeliness.OpenClockAsync(Rag.Red, AlertsUnderTest.Start);
        }
        await timeliness.RaiseAtAsync(AlertsUnderTest.Start.AddHours(4));
        return timeliness;
    }

    [Fact]
    public async Task Pages_follow_one_another_without_a_gap_or_a_repeat()
    {
        var timeliness = await FiveBreachedAsync(server);
        var log = timeliness.Parts.Log;

        var first = await log.ReadAsync(0, AlertFilter.Everything, 3, CancellationToken.None);
        var second = await log.ReadAsync(first.Through, AlertFilter.Everything, 3, CancellationToken.None);
        var all = await log.ReadAsync(0, AlertFilter.Everything, 10, CancellationToken.None);

        Assert.Equal((true, false), (first.More, second.More));
        Assert.Equal(first.Alerts[^1].Sequence, first.Through);
        Assert.Equal(all.Alerts.Select(a => a.Sequence), first.Alerts.Concat(second.Alerts).Select(a => a.Sequence));
        Assert.Equal(all.Alerts[^1].Sequence, second.Through);
    }

    [Fact]
    public async Task A_read_whose_filter_leaves_every_alert_out_still_moves_past_them()
    {
        var timeliness = await FiveBreachedAsync(server);
        var log = timeliness.Parts.Log;

        var amber = await log.ReadAsync(0, new AlertFilter([Rag.Amber], [], []), 3, CancellationToken.None);
        var all = await log.ReadAsync(0, AlertFilter.Everything, 10, CancellationToken.None);

        Assert.Empty(amber.Alerts);
        Assert.Equal((false, all.Alerts[^1].Sequence), (amber.More, amber.Through));
    }
}
