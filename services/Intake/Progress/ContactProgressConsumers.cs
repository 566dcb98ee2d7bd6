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
            rated => (rated.EventId, new ProgressStep(rated.ContactId, ContactStatus.InTriage, EventFields.OccurredAt(rated.OccurredAt))),
            ContactAdvances.AdvanceAsync);
}

/// <summary>
/// The MASH decided on the contact: it is DECIDED (unless already CLOSED), and a referral if the
/// threshold was met, which later contacts about its subjects then repeat (O3).
/// </summary>
internal sealed class DecisionRecordedProgressConsumer(NpgsqlDataSource dataSource) : IConsumer<EventBatch<DecisionRecorded>>
{
    public Task Consume(ConsumeContext<EventBatch<DecisionRecorded>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(DecisionRecordedProgressConsumer),
            decided => (decided.EventId, new ReferralDecision(decided.ContactId, decided.ThresholdMet, EventFields.OccurredAt(decided.OccurredAt))),
            async (transaction, decisions, cancellationToken) =>
            {
                // The step first: it locks the batch's contacts in id order, which recording the decisions relies on.
                await ContactAdvances.AdvanceAsync(transaction, [.. decisions.Select(d => new ProgressStep(d.ContactId, ContactStatus.Decided, d.DecidedAt))], cancellationToken);
                await ReferralDecisions.RecordAsync(transaction, decisions, cancellationToken);
            });
}

/// <summary>Outcomes recorded the contact's outcome (O4): it is CLOSED, with the outcome for the referrer; a correction replaces it.</summary>
internal sealed class ContactOutcomeFedBackConsumer(NpgsqlDataSource dataSource) : IConsumer<EventBatch<ContactOutcomeFedBack>>
{
    public Task Consume(ConsumeContext<EventBatch<ContactOutcomeFedBack>> context) =>
        context.ApplyOnceAsync(dataSource, nameof(ContactOutcomeFedBackConsumer),
            fedBack => (fedBack.EventId, new ProgressStep(fedBack.ContactId, ContactStatus.Closed, EventFields.OccurredAt(fedBack.OccurredAt), fedBack.Outcome, fedBack.Revision)),
            ContactAdvances.AdvanceAsync);
}
