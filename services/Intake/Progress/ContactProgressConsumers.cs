using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Intake.Progress;

/// <summary>Triage rated the contact: it is IN_TRIAGE (unless already further).</summary>
internal sealed class ContactRatedProgressConsumer(NpgsqlDataSource dataSource) : IConsumer<EventBatch<ContactRated>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactRated>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(ContactRatedProgressConsumer),
            rated => (rated.EventId, (rated.ContactId, OccurredAt: EventFields.OccurredAt(rated.OccurredAt))),
            async (transaction, ratings, cancellationToken) =>
            {
                foreach (var (contactId, occurredAt) in ContactProgress.InLockOrder(ratings, r => r.ContactId))
                {
                    await ContactProgress.AdvanceAsync(transaction, contactId, ContactStatus.InTriage, null, occurredAt, cancellationToken);
                }
            });
}

/// <summary>
/// The MASH decided on the contact: it is DECIDED (unless already CLOSED), and a referral if the
/// threshold was met, which later contacts about its subjects then repeat (O3).
/// </summary>
internal sealed class DecisionRecordedProgressConsumer(NpgsqlDataSource dataSource) : IConsumer<EventBatch<DecisionRecorded>>
{
    public Task Consume(ConsumeContext<EventBatch<DecisionRecorded>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(DecisionRecordedProgressConsumer),
            decided => (decided.EventId, (decided.ContactId, decided.ThresholdMet, OccurredAt: EventFields.OccurredAt(decided.OccurredAt))),
            async (transaction, decisions, cancellationToken) =>
            {
                foreach (var (contactId, thresholdMet, occurredAt) in ContactProgress.InLockOrder(decisions, d => d.ContactId))
                {
                    await ContactProgress.AdvanceAsync(transaction, contactId, ContactStatus.Decided, null, occurredAt, cancellationToken);
                    await ReferralDecisions.RecordAsync(transaction, contactId, thresholdMet, occurredAt, cancellationToken);
                }
            });
}

/// <summary>Outcomes recorded the contact's outcome (O4): it is CLOSED, with the outcome for the referrer; a correction replaces it.</summary>
internal sealed class ContactOutcomeFedBackConsumer(NpgsqlDataSource dataSource) : IConsumer<EventBatch<ContactOutcomeFedBack>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactOutcomeFedBack>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(ContactOutcomeFedBackConsumer),
            fedBack => (fedBack.EventId, (fedBack.ContactId, fedBack.Outcome, OccurredAt: EventFields.OccurredAt(fedBack.OccurredAt), fedBack.Revision)),
            async (transaction, outcomes, cancellationToken) =>
            {
                foreach (var (contactId, outcome, occurredAt, revision) in ContactProgress.InLockOrder(outcomes, o => o.ContactId))
                {
                    await ContactProgress.AdvanceAsync(transaction, contactId, ContactStatus.Closed, outcome, occurredAt, cancellationToken, revision);
                }
            });
}
