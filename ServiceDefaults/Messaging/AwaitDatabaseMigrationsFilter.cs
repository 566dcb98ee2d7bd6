using MassTransit;

namespace Mash.ServiceDefaults;

/// <summary>
/// Holds each consumed message until the service's schema migrations are applied: the bus may
/// connect (and RabbitMQ start delivering) before the tables a consumer writes to exist. The
/// message stays unacknowledged meanwhile, so it is neither retried nor lost.
/// </summary>
internal sealed class AwaitDatabaseMigrationsFilter<T>(DatabaseMigrationStatus migrations) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (!migrations.Completion.IsCompleted)
        {
            await migrations.WaitUntilCompletedAsync(context.CancellationToken).ConfigureAwait(false);
        }
        await next.Send(context).ConfigureAwait(false);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("awaitDatabaseMigrations");
}
