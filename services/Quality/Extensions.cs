using Mash.Quality.Assurance;
using Mash.Quality.Audits;
using Mash.Quality.Consumers;
using Mash.Quality.Definitions;
using Mash.Quality.Facts;
using Mash.Quality.Grpc;
using Mash.Quality.Live;
using Mash.Quality.Registers;
using Mash.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Quality;

public static class Extensions
{
    /// <summary>Quality's schema: its own scripts and the inbox's and audit log's tables. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), EventInbox.Migration, AuditLog.Migration];

    /// <summary>Quality's database, the consumers that gather the indicators' facts, the scorecard, the indicator file and its assurance, the ratings and the audits, and the quality registers.</summary>
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
        // The scorecard sums the per-day rollups of the catalogue's local days.
        builder.Services.AddSingleton(services => new FactReader(services.GetRequiredService<Npgsql.NpgsqlDataSource>(), services.GetRequiredService<IndicatorCatalogue>().TimeZone));
        builder.AddIndicatorCatalogue();
        builder.Services.AddSingleton<AssuranceReader>();
        // Live: consumers tell this replica's watches of each commit.
        builder.Services.AddSingleton<FactChanges>();
        builder.Services.AddOptions<WatchOptions>().Bind(builder.Configuration.GetSection(WatchOptions.SectionName));
        builder.Services.AddSingleton<ChangeWatch>();
        // The human step, the watch list and the Q7 register; the rules' audits and watches raised live.
        builder.Services.AddOptions<AuditOptions>().Bind(builder.Configuration.GetSection(AuditOptions.SectionName));
        builder.Services.AddSingleton<RatingStore>();
        builder.Services.AddSingleton<RatingReader>();
        builder.Services.AddSingleton<WatchListReader>();
        builder.Services.AddSingleton<AuditStore>();
        builder.Services.AddSingleton<AuditReader>();
        builder.Services.AddSingleton<RuleActionRaiser>();
        builder.Services.AddHostedService<AssuranceRuleRunner>();
        builder.AddQualityRegisters();
        return builder;
    }
}
