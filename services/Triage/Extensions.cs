using Mash.ServiceDefaults;
using Mash.Triage.Consumers;
using Mash.Triage.Queue;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Triage;

public static class Extensions
{
    /// <summary>Triage's schema: its own scripts and the outbox's and inbox's tables. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), .. EventOutbox.Migrations, EventInbox.Migration];

    /// <summary>Triage's database, bus (ContactReceived in; ContactRated and DecisionRecorded out through the outbox), queue and screening.</summary>
    public static TBuilder AddTriage<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations(Migrations);
        builder.AddMashBus(bus => bus.AddConsumer<ContactReceivedConsumer>());
        builder.AddEventOutbox();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<QueueOptions>()
            .Bind(builder.Configuration.GetSection(QueueOptions.SectionName))
            .Validate(options => options.IsUsable, QueueOptions.Requirement)
            .ValidateOnStart();
        builder.Services.AddSingleton<QueueStore>();
        builder.Services.AddSingleton<ReceivedContacts>();
        builder.Services.AddSingleton<Screening>();
        return builder;
    }
}
