using Mash.Intake.Audit;
using Mash.Intake.Contacts;
using Mash.Intake.Listing;
using Mash.Intake.Progress;
using Mash.Intake.Repeats;
using Mash.Intake.Returns;
using Mash.Intake.Security;
using Mash.Intake.Subjects;
using Mash.Intake.Validation;
using Mash.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Intake;

public static class Extensions
{
    /// <summary>Intake's schema: its own scripts and the outbox's, inbox's and audit log's tables. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), .. EventOutbox.Migrations, EventInbox.Migration, AuditLog.Migration];

    /// <summary>Intake's database, bus (with its progress consumers), outbox, vocabulary, pseudonym key, stores, listing, watching, statutory returns, audit log and agency authentication.</summary>
    public static TBuilder AddIntake<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations(Migrations);
        // A contact's progress (WatchContact, and GetContact's status and outcome) from the other
        // services' events; replicas share these queues, so each event is applied by one of them.
        builder.AddMashBus(bus =>
        {
            bus.AddConsumer<ContactRatedProgressConsumer>();
            bus.AddConsumer<DecisionRecordedProgressConsumer>();
            bus.AddConsumer<ContactOutcomeFedBackConsumer>();
        });
        builder.AddEventOutbox();

        builder.Services.TryAddSingleton(TimeProvider.System);
        // Read once at start, so a malformed vocabulary stops the service instead of rejecting contacts.
        builder.Services.AddSingleton(VocabularyConfiguration.Read(builder.Configuration.GetSection(VocabularyConfiguration.SectionName)));
        builder.Services.AddOptions<PseudonymOptions>()
            .Bind(builder.Configuration.GetSection(PseudonymOptions.SectionName))
            .Validate(options => options.HasUsableKey, PseudonymOptions.KeyRequirement)
            .ValidateOnStart();
        builder.Services.AddSingleton<SubjectPseudonyms>();
        builder.Services.AddRepeatDetection(builder.Configuration);
        builder.Services.AddOptions<PartnershipTimeOptions>()
            .Bind(builder.Configuration.GetSection(PartnershipTimeOptions.SectionName))
            .Validate(options => options.IsUsable, PartnershipTimeOptions.Requirement)
            .ValidateOnStart();
        builder.Services.AddSingleton<PartnershipClock>();
        builder.Services.AddSingleton<ContactStore>();
        builder.Services.AddOptions<GroupCommitOptions>()
            .Bind(builder.Configuration.GetSection(GroupCommitOptions.SectionName))
            .Validate(options => options.IsUsable, GroupCommitOptions.Requirement)
            .ValidateOnStart();
        builder.Services.AddSingleton<ContactBatchWriter>();
        // Holds back on the outbox's backlog (OutboxWaiting, from AddServiceDefaults; without it, never):
        // events pile up there when the consumers are behind, the broker is down, or the dispatcher
        // cannot get the CPU to publish them, and each is a reason to take no more.
        builder.Services.AddSingleton(services => ActivatorUtilities.CreateInstance<ContactIntake>(services, UnpublishedEvents(services)));
        builder.AddAuditLog();
        builder.Services.AddSingleton<AuditedContactReads>();
        builder.Services.AddContactListing(builder.Configuration);
        builder.Services.AddOptions<WatchOptions>()
            .Bind(builder.Configuration.GetSection(WatchOptions.SectionName))
            .Validate(options => options.IsUsable, WatchOptions.Requirement)
            .ValidateOnStart();
        builder.Services.AddSingleton<ContactProgress>();
        builder.Services.AddStatutoryReturns(builder.Configuration);
        builder.AddAgencyAuthentication();
        return builder;
    }

    private static Func<long?> UnpublishedEvents(IServiceProvider services) =>
        services.GetService<OutboxWaiting>() is { } outbox ? () => outbox.Events : () => null;
}
