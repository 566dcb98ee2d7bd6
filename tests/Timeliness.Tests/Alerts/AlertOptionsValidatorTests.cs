using Mash.Timeliness.Alerts;

namespace Mash.Timeliness.Tests.Alerts;

/// <summary>Alert settings that cannot work stop the service at start, each problem naming its setting.</summary>
public class AlertOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(AlertOptionsValidator.Problems(new AlertOptions()));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.25)]
    [InlineData(75)]
    public void The_approaching_share_is_above_0_and_below_1(double share) =>
        Assert.Contains("Timeliness:Alerts:ApproachingAt", Assert.Single(AlertOptionsValidator.Problems(new AlertOptions { ApproachingAt = share })), StringComparison.Ordinal);

    [Fact]
    public void Cadences_and_the_batch_are_positive()
    {
        var problems = AlertOptionsValidator.Problems(new AlertOptions { CheckEvery = TimeSpan.Zero, WatchPollInterval = TimeSpan.FromSeconds(-1), BatchSize = 0 });

        Assert.Equal(["Timeliness:Alerts:CheckEvery", "Timeliness:Alerts:WatchPollInterval", "Timeliness:Alerts:BatchSize"], problems.Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void Every_team_is_named()
    {
        var problems = AlertOptionsValidator.Problems(new AlertOptions { DefaultTeam = " ", Teams = { ["police-west"] = "" } });

        Assert.Equal(["Timeliness:Alerts:DefaultTeam", "Timeliness:Alerts:Teams:police-west"], problems.Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void An_agency_s_team_is_configured_and_any_other_goes_to_the_default()
    {
        var options = new AlertOptions { DefaultTeam = "Front door", Teams = { ["police-west"] = "Police hub" } };

        Assert.Equal(("Police hub", "Front door", "Front door"), (options.TeamOf("police-west"), options.TeamOf("school-12"), options.TeamOf(null)));
    }
}
