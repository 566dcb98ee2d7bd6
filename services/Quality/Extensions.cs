using Mash.Quality.Assurance;
using Mash.Quality.Consumers;
using Mash.Quality.Definitions;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Quality;

public static class Extensions
{
    /// <summary>Quality's schema: its own scripts and the inbox's and audit log's tables. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), EventInbox.Migration, AuditLog.Migration];

    /// <summary>Quality's database, the consumers that gather the indicators' facts, the scorecard, and the indicator file and its assurance.</summary>
    public static TBuilder AddQuality<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations(Migrations);
        builder.AddMashBus(bus =>
        {
            bus.AddConsumer<ContactReceivedConsumer>();
            bus.AddConsumer<ContactRatedConsumer>();
            bus.AddConsumer<OutcomeRecordedConsumer>();
            bus.AddConsumer<DecisionTimedConsumer>();
            bus.AddConsumer<DecisionRecordedConsumer>();
            bus.AddConsumer<EscalationRaisedConsumer>();
            bus.AddConsumer<EscalationResolvedConsumer>();
            bus.AddConsumer<InformationRequestedConsumer>();
            bus.AddConsumer<InformationProvidedConsumer>();
            bus.AddConsumer<DeadlineBreachedConsumer>();
            bus.AddConsumer<DeadlineApproachingConsumer>();
            bus.AddConsumer<ContactOutcomeFedBackConsumer>();
            bus.AddConsumer<OutcomeCorrectedConsumer>();
            bus.AddConsumer<FeedbackGivenConsumer>();
            bus.AddConsumer<ConsultationGivenConsumer>();
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Calls refused for their role are on record (the scorecard itself names no one).
        builder.AddAuditLog();
        builder.Services.AddSingleton<FactStore>();
        builder.Services.AddSingleton<ActivityStore>();
        builder.Services.AddSingleton<DepthStore>();
        builder.Services.AddSingleton<FactReader>();
        builder.AddIndicatorCatalogue();
        builder.Services.AddSingleton<AssuranceReader>();
        // Live: consumers tell this replica's watches of each commit.
        builder.Services.AddSingleton<FactChanges>();
        builder.Services.AddOptions<WatchOptions>().Bind(builder.Configuration.GetSection(WatchOptions.SectionName));
        builder.Services.AddSingleton<ChangeWatch>();
        return builder;
    }
}
