using Mash.Contracts.Events.V1;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.ServiceDefaults;
using Npgsql;

namespace Mash.Quality.Consumers;

/// <summary>D1, D4–D6: contacts received from agencies, of a type on a pathway; D3: their presenting issues; D7: the DASH risk; D8: consent; T5: the incident's time.</summary>
internal sealed class ContactReceivedConsumer(NpgsqlDataSource dataSource, FactStore facts, ActivityStore activity, FactChanges changes)
    : FactConsumer<ContactReceived, (ContactFact Contact, IReadOnlyList<PresentingIssueFact> Issues)>("ContactReceivedConsumer", dataSource, changes,
        contact => (contact.EventId, (
            new ContactFact(contact.ContactId, contact.AgencyId, EventFields.OccurredAt(contact.OccurredAt), contact.ContactType, contact.Pathway)
            {
                IncidentAt = contact.IncidentAt?.ToDateTime(), DashRisk = contact.DashRisk, Consent = contact.Consent,
            },
            [.. contact.PresentingIssues.Select(issue => new PresentingIssueFact(contact.ContactId, issue))])),
        async (transaction, read, cancellationToken) =>
        {
            await facts.RecordContactsAsync(transaction, read.Select(r => r.Contact), cancellationToken);
            await activity.RecordPresentingIssuesAsync(transaction, [.. read.SelectMany(r => r.Issues)], cancellationToken);
        });
