using Mash.ServiceDefaults.Tests.Events;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.ServiceDefaults.Tests;

/// <summary>OutboxWaiting counts events the moment they are written and published, not a sample later.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OutboxWaitingTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Events_written_or_published_since_the_last_sample_count_at_once()
    {
        await using var host = await StartAsync();
        var waiting = host.Services.GetRequiredService<OutboxWaiting>();
        await ServiceHost.WaitUntilAsync(() => waiting.Events == 0);

        long? whileWriting;
        using (host.Services.GetRequiredService<EventOutbox>().BeginWrite())
        {
            // Written during a burst of writes: the dispatcher holds them (MaxYield is long).
            for (var i = 0; i < 3; i++)
            {
                await host.AddEventAsync(new ContactRated { ContactId = $"event-{i}" });
            }
            whileWriting = waiting.Events;
        }
        await ServiceHost.WaitUntilAsync(async () => await host.CountOutboxAsync() == 0);

        Assert.Equal(3, whileWriting);
        Assert.Equal(0, waiting.Events);
    }

    private async Task<ServiceHost> StartAsync()
    {
        var database = await infrastructure.Postgres.CreateDatabaseAsync("outboxwaiting");
        var host = await ServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["ConnectionStrings:postgres"] = infrastructure.Postgres.ConnectionString(database),
            ["ConnectionStrings:rabbitmq"] = infrastructure.RabbitMq.ConnectionString,
            ["ServiceDefaults:Bus:EndpointPrefix"] = $"sdtests-waiting-{Guid.NewGuid():N}"[..28],
            ["ServiceDefaults:Outbox:MaxYield"] = "00:05:00",
            // Samples far apart: what is counted between them must come from the writes themselves.
            ["ServiceDefaults:Health:SampleInterval"] = "00:00:10",
        }, b =>
        {
            b.AddDatabaseMigrations(EventOutbox.Migrations);
            b.AddMashBus();
            b.AddEventOutbox();
        });
        await host.WaitUntilHealthyAsync();
        return host;
    }
}
