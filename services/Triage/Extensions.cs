using Mash.Contracts.Intake.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Consumers;
using Mash.Triage.Auditing;
using Mash.Triage.Content;
using Mash.Triage.Grpc;
using Mash.Triage.Decisions;
using Mash.Triage.Escalations;
using Mash.Triage.InformationSharing;
using Mash.Triage.Queue;
using Mash.Triage.Risk;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mash.Triage;

public static class Extensions
{
    /// <summary>Where Intake's gRPC endpoint is, by service discovery (the AppHost's <c>services__intake__grpc__0</c>).</summary>
    public const string DefaultIntakeAddress = "http://_grpc.intake";

    /// <summary>Triage's schema: its own scripts and the outbox's and inbox's tables. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), .. EventOutbox.Migrations, EventInbox.Migration, AuditLog.Migration];

    /// <summary>
    /// Triage's database, bus (ContactReceived in; its events out through the outbox), and its domain.
    /// <paramref name="configureBus"/> adds consumers beside Triage's own on its bus (a test listening to what it publishes).
    /// </summary>
    public static TBuilder AddTriage<TBuilder>(this TBuilder builder, Action<MassTransit.IBusRegistrationConfigurator>? configureBus = null) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations(Migrations);
        builder.AddMashBus(bus =>
        {
            bus.AddConsumer<ContactReceivedConsumer>();
            configureBus?.Invoke(bus);
        });
        builder.AddEventOutbox();
        builder.AddAuditLog();
        builder.Services.AddTriageDomain(builder.Configuration);
        builder.Services.AddGrpcClient<IntakeService.IntakeServiceClient>(o => o.Address = new Uri(builder.Configuration["Triage:IntakeAddress"] ?? DefaultIntakeAddress));
        return builder;
    }

    /// <summary>
    /// The queue, ratings, decisions, information sharing and escalations, with their configuration
    /// (the seeds' values as shipped defaults), and Triage's authorization policies. Needs an
    /// NpgsqlDataSource, an EventOutbox, the audit log (<see cref="AuditExtensions.AddAuditLog(IServiceCollection)"/>),
    /// the partnership's <see cref="AgencyCredentials"/> and an IntakeService client; the tests host it
    /// over their own database.
    /// </summary>
    public static IServiceCollection AddTriageDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<QueueOptions>()
            .Bind(configuration.GetSection(QueueOptions.SectionName))
            .Validate(options => options.IsUsable, QueueOptions.Requirement)
            .ValidateOnStart();
        services.AddOptions<QueueTimingOptions>()
            .Bind(configuration.GetSection(QueueTimingOptions.SectionName))
            .Validate(options => options.IsUsable, QueueTimingOptions.Requirement)
            .ValidateOnStart();
        services.AddOptions<InformationSharingOptions>()
            .Bind(configuration.GetSection(InformationSharingOptions.SectionName))
            // Binding adds to a list, so the shipped bands fill in only when none are configured.
            .PostConfigure(options => options.ResponseBands = options.ResponseBands.Count > 0 ? options.ResponseBands : InformationSharingOptions.Walsall())
            .Validate(options => options.IsUsable, InformationSharingOptions.Requirement)
            .ValidateOnStart();
        services.AddOptions<EscalationOptions>()
            .Bind(configuration.GetSection(EscalationOptions.SectionName))
            .PostConfigure(options =>
            {
                options.Subjects = options.Subjects.Count > 0 ? options.Subjects : [.. EscalationOptions.ShippedSubjects];
                options.Resolutions = options.Resolutions.Count > 0 ? options.Resolutions : [.. EscalationOptions.ShippedResolutions];
            })
            .Validate(options => options.IsUsable, EscalationOptions.Requirement)
            .ValidateOnStart();
        services.AddSingleton(VocabularyConfiguration.Read(configuration.GetSection(VocabularyConfiguration.SectionName)));
        services.AddSingleton(provider => new RagScheme(
            provider.GetRequiredService<Mash.Contracts.Common.V1.Vocabulary>().RagLabels,
            provider.GetRequiredService<IOptions<QueueTimingOptions>>().Value));

        services.AddSingleton<QueueStore>();
        services.AddSingleton<ReceivedContacts>();
        services.AddSingleton<RatingStore>();
        services.AddSingleton<Screening>();
        services.AddSingleton<Conversions>();
        services.AddSingleton<InformationRequestStore>();
        services.AddSingleton<InformationRequests>();
        services.AddSingleton<EscalationStore>();
        services.AddSingleton<EscalationLog>();
        services.AddSingleton<IntakeContent>();
        services.AddSingleton<ReadAudit>();
        services.AddSingleton<Answers>();
        services.AddSingleton<Moments>();
        services.AddAuthorizationBuilder().AddTriagePolicies();
        return services;
    }
}
