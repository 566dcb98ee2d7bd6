using Mash.ServiceDefaults;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Consumers;
using Mash.Timeliness.Reporting;
using Mash.Timeliness.Timing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mash.Timeliness;

public static class Extensions
{
    /// <summary>Timeliness's schema: its own scripts and the outbox's, inbox's and audit log's tables. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), .. EventOutbox.Migrations, EventInbox.Migration, AuditLog.Migration];

    /// <summary>Timeliness's database, bus (ContactReceived, ContactRated, DecisionRecorded, InformationRequested, InformationProvided in; DecisionTimed, DeadlineApproaching and DeadlineBreached out through the outbox), targets, clocks, alerts and reports.</summary>
    public static TBuilder AddTimeliness<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations(Migrations);
        builder.AddMashBus(bus =>
        {
            bus.AddConsumer<ContactReceivedConsumer>();
            bus.AddConsumer<ContactRatedConsumer>();
            bus.AddConsumer<DecisionRecordedConsumer>();
            bus.AddConsumer<InformationRequestConsumer>();
        });
        builder.AddEventOutbox();
        builder.AddAuditLog();

        builder.Services.TryAddSingleton(TimeProvider.System);
        // Checked at start, so a mistyped target or calendar stops the service rather than mistiming contacts.
        builder.Services.AddOptions<TimelinessOptions>()
            .Bind(builder.Configuration.GetSection(TimelinessOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TimelinessOptions>, TimelinessOptionsValidator>();
        builder.Services.AddSingleton(services => Deadlines.From(services.GetRequiredService<IOptions<TimelinessOptions>>().Value));
        builder.Services.AddHealthChecks().AddCheck<CalendarHealthCheck>("timeliness-calendar", tags: [HealthEndpoints.ReadyTag]);
        builder.Services.AddSingleton<ClockStore>();
        builder.Services.AddSingleton<ClockRecorder>();
        builder.Services.AddSingleton(services => new DecisionTimelinessReport(
            services.GetRequiredService<Npgsql.NpgsqlDataSource>(), services.GetRequiredService<IOptions<TimelinessOptions>>().Value.TimeZone));
        builder.AddTimelinessReports();
        builder.AddTimelinessAlerts();
        return builder;
    }
}
