using Mash.Timeliness.Timing;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Timing;

public class ElapsedDueDateTests
{
    [Fact]
    public void Hours_are_added_to_the_start() =>
        Assert.Equal(Bst(2025, 6, 2, 14), DueDates.AfterElapsed(Bst(2025, 6, 2, 10), TimeSpan.FromHours(4)));

    [Fact]
    public void Hours_run_through_the_night_and_the_weekend() =>
        Assert.Equal(Bst(2025, 6, 7, 2), DueDates.AfterElapsed(Bst(2025, 6, 6, 22), TimeSpan.FromHours(4)));

    [Fact]
    public void Hours_are_real_hours_across_a_clock_change()
    {
        // The clocks went forward at 01:00 GMT on Sunday 30 March 2025: four real hours from 00:30 GMT end at 05:30 BST.
        var due = DueDates.AfterElapsed(Gmt(2025, 3, 30, 0, 30), TimeSpan.FromHours(4));

        Assert.Equal(Bst(2025, 3, 30, 5, 30), due);
    }
}
