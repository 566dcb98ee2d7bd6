using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mash.ServiceDefaults.Tests.Operations;

public sealed class SamplingHealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_sample_within_a_few_rounds_is_healthy() =>
        Assert.Equal(HealthStatus.Healthy, SamplingHealthCheck.Judge(Now.AddSeconds(-19), Now, TimeSpan.FromSeconds(20)).Status);

    [Fact]
    public void A_sample_older_than_that_is_degraded_and_says_how_old()
    {
        var result = SamplingHealthCheck.Judge(Now.AddSeconds(-95), Now, TimeSpan.FromSeconds(20));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Contains("last sampled 95 s ago (over 20 s)", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_date_means_five_rounds_of_sampling_each_with_two_probe_timeouts() =>
        Assert.Equal(TimeSpan.FromSeconds(30), new OperationsOptions { SampleInterval = TimeSpan.FromSeconds(2), ProbeTimeout = TimeSpan.FromSeconds(2) }.StaleAfter);
}
