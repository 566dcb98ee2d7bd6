using Mash.Timeliness.Tests.Infrastructure;
using Mash.Timeliness.Timing;

namespace Mash.Timeliness.Tests.Timing;

public class TimelinessOptionsValidatorTests
{
    [Fact]
    public void Walsall_s_targets_on_england_s_calendar_are_valid() =>
        Assert.Empty(TimelinessOptionsValidator.Problems(TestTargets.Options()));

    [Fact]
    public void Every_rag_needs_a_target()
    {
        var options = TestTargets.Options();
        options.Targets.Green = null;

        Assert.Contains("Timeliness:Targets:Green", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_does_not_read_is_named()
    {
        var options = TestTargets.Options();
        options.Targets.Red = "2 hrs";

        Assert.Contains("Timeliness:Targets:Red is '2 hrs'", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_time_zone_must_exist()
    {
        var options = TestTargets.Options();
        options.TimeZone = "Europe/Walsall";

        Assert.Contains("Timeliness:TimeZone", Assert.Single(TimelinessOptionsValidator.Problems(options)), StringComparison.Ordinal);
    }

    [Fact]
    public void Staffordshire_s_targets_are_valid_too()
    {
        var options = TestTargets.Options();
        options.Targets = new RagTargetOptions { Red = "2 hours", Amber = "24 hours", Green = "72 hours" };

        Assert.Empty(TimelinessOptionsValidator.Problems(options));
    }
}
