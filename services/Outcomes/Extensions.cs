using Mash.Outcomes.Agencies;
using Mash.Outcomes.Consulting;
using Mash.Outcomes.Consumers;
using Mash.Outcomes.Counting;
using Mash.Outcomes.Correcting;
using Mash.Outcomes.Feed;
using Mash.Outcomes.Feedback;
using Mash.Outcomes.Grpc;
using Mash.Outcomes.Journeys;
using Mash.Outcomes.Recording;
using Mash.Outcomes.Steps;
using Mash.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Outcomes;

public static class Extensions
{
    /// <summary>Outcomes' schema: its own scripts and the outbox's, inbox's and audit log's tables. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), .. EventOutbox.Migrations, EventInbox.Migration, AuditLog.Migration];

    /// <summary>Outcomes' database, consumers, outbox, live feed and configuration.</summary>
    public static TBuilder AddOutcomes<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations(Migrations);
        builder.AddMashBus(bus =>
        {
            bus.AddConsumer<ContactReceivedConsumer>();
            bus.AddConsumer<ContactRatedConsumer>();
            bus.AddConsumer<DecisionRecordedConsumer>();
            bus.AddConsumer<InformationProvidedConsumer>();
            // Replicas share the queues above (each event handled once), but every replica must
            // hear every outcome for its own streams: so this one gets a queue of its own, named
            // for this process and deleted when it stops. It writes nothing, so it takes each
            // outcome as it comes rather than in batches.
            bus.AddConsumer<OutcomeFeedConsumer>().Endpoint(endpoint =>
            {
                endpoint.Temporary = true;
                endpoint.InstanceId = Guid.NewGuid().ToString("N");
            });
            bus.AddConsumer<OutcomeCorrectionFeedConsumer>().Endpoint(endpoint =>
            {
                endpoint.Temporary = true;
                endpoint.InstanceId = Guid.NewGuid().ToString("N");
            });
        });
        builder.AddEventOutbox();
        builder.AddAuditLog();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<OutcomesOptions>()
            .BindConfiguration("Outcomes")
            .Validate(o => o.PseudonymKey.Length >= OutcomesOptions.MinimumKeyLength,
                $"Outcomes:PseudonymKey must be set to a secret of at least {OutcomesOptions.MinimumKeyLength} characters.")
            .Validate(o => o.FeedCapacity > 0, "Outcomes:FeedCapacity must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton(VocabularyConfiguration.Read(builder.Configuration.GetSection(VocabularyConfiguration.SectionName)));

        builder.Services.AddSingleton<JourneyStore>();
        builder.Services.AddSingleton<OutcomeStore>();
        builder.Services.AddSingleton<CaseRefs>();
        builder.Services.AddSingleton<StepRound>();
        builder.Services.AddSingleton<OutcomeRecorder>();
        builder.Services.AddSingleton<OutcomeCorrector>();
        builder.Services.AddSingleton<OutcomeHistoryReader>();
        builder.Services.AddSingleton<AgencyStore>();
        builder.Services.AddSingleton<FeedbackStore>();
        builder.Services.AddSingleton<FeedbackRecorder>();
        builder.Services.AddSingleton<FeedbackCounter>();
        builder.Services.AddSingleton<Moments>();
        builder.Services.AddSingleton<ConsultationRecorder>();
        builder.Services.AddSingleton<OutcomeCounter>();
        builder.Services.AddAuthorizationBuilder().AddOutcomesPolicies();
        builder.Services.AddSingleton<OutcomeBroadcaster>();
        builder.Services.AddSingleton<OutcomeFeedLog>();
        builder.Services.AddSingleton<FeedNumbering>();
        builder.Services.AddHostedService<FeedNumberer>();
        builder.Services.AddSingleton<OutcomeFeed>();
        return builder;
    }
}
