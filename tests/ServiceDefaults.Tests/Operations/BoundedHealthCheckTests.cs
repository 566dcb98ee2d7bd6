using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Mash.ServiceDefaults.Tests.Operations;

/// <summary>Every check answers within ServiceDefaults:Health:CheckTimeout, even one that never returns.</summary>
public sealed class BoundedHealthCheckTests
{
    [Fact]
    public async Task A_check_that_never_answers_fails_at_the_bound_and_the_others_still_report()
    {
        await using var host = await ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["ServiceDefaults:Health:CheckTimeout"] = "00:00:00.300" },
            b => b.Services.AddHealthChecks().AddCheck<NeverAnswers>("never-answers"));

        var health = await host.GetHealthAsync();
        var grpc = await host.CheckGrpcHealthAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Equal("Unhealthy", health.CheckStatus("never-answers"));
        Assert.Equal("no answer within 0.3 s", health.Description("never-answers"));
        Assert.Equal("Healthy", health.CheckStatus("self"));
        Assert.Equal(ServingStatus.NotServing, grpc);
    }

    [Fact]
    public async Task A_check_timeout_outside_its_range_stops_the_service_at_start()
    {
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => ServiceHost.StartAsync(
            new Dictionary<string, string?> { ["ServiceDefaults:Health:CheckTimeout"] = "00:00:00" }));

        Assert.Contains(OperationsOptions.Requirement, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A check that ignores its cancellation token and never completes, as a wedged client library's might.</summary>
    private sealed class NeverAnswers : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            new TaskCompletionSource<HealthCheckResult>().Task;
    }
}
