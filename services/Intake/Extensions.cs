using Mash.Intake.Audit;
using Mash.Intake.Contacts;
using Mash.Intake.Listing;
using Mash.Intake.Repeats;
using Mash.Intake.Security;
using Mash.Intake.Subjects;
using Mash.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mash.Intake;

public static class Extensions
{
    /// <summary>Intake's schema: its own scripts and the outbox's table. The tests build their databases from the same list.</summary>
    public static Migration[] Migrations => [.. Migration.FromEmbeddedResources(typeof(Extensions).Assembly), EventOutbox.Migration];

    /// <summary>Intake's database, bus, outbox, vocabulary, pseudonym key, stores, listing, audit log and agency authentication.</summary>
    public static TBuilder AddIntake<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDatabaseMigrations(Migrations);
        builder.AddMashBus();
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
        builder.Services.AddSingleton<ContactStore>();
        builder.Services.AddSingleton<ContactIntake>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<AuditedContactReads>();
        builder.Services.AddContactListing(builder.Configuration);
        builder.AddAgencyAuthentication();
        return builder;
    }
}
