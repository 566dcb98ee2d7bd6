using Mash.Quality.Consumers;
using Mash.Quality.Grpc;
using Mash.Quality.Registers.Grpc;
using Mash.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Quality.Tests.Live;

/// <summary>The service as Program.cs composes it: every consumer, the assurance service (WatchAssurance's ChangeWatch), the audit register and the quality registers resolve.</summary>
public sealed class QualityCompositionTests
{
    [Fact]
    public async Task Every_consumer_and_the_assurance_service_resolve_from_the_services_container()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Never connected to: the container is only built.
            ["ConnectionStrings:postgres"] = "Host=127.0.0.1;Port=1;Database=quality",
            ["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:1",
        });
        builder.AddServiceDefaults();
        builder.AddQuality();
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();

        Type[] consumers =
        [
            typeof(ContactReceivedConsumer), typeof(ContactRatedConsumer), typeof(DecisionRecordedConsumer), typeof(DecisionTimedConsumer),
            typeof(OutcomeRecordedConsumer), typeof(InformationRequestedConsumer),
            typeof(InformationProvidedConsumer), typeof(EscalationRaisedConsumer), typeof(EscalationResolvedConsumer), typeof(DeadlineBreachedConsumer), typeof(DeadlineApproachingConsumer),
        ];
        Assert.All(consumers, consumer => Assert.NotNull(scope.ServiceProvider.GetRequiredService(consumer)));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AssuranceGrpcService>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<AuditGrpcService>(scope.ServiceProvider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<RegistersGrpcService>(scope.ServiceProvider));
    }
}
