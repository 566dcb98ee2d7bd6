using Mash.Contracts.Events.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;
using Mash.ServiceDefaults;
using MassTransit;
using Npgsql;

namespace Mash.Intake.Progress;

/// <summary>Triage rated the contact: it is IN_TRIAGE (unless already further).</summary>
internal sealed class ContactRatedProgressConsumer(NpgsqlDataSource dataSource) : IConsumer<ContactRated>
{
    public Task Consume(ConsumeContext<ContactRated> context)
    {
        var rated = context.Message;
        var occurredAt = EventFields.OccurredAt(rated.OccurredAt);
        return EventInbox.ApplyOnceAsync(dataSource, nameof(ContactRatedProgressConsumer), EventFields.IdOf(rated.EventId, context.MessageId), transaction =>
            ContactProgress.AdvanceAsync(transaction, rated.ContactId, ContactStatus.InTriage, null, occurredAt, context.CancellationToken), context.CancellationToken);
    }
}

/// <summary>
/// The MASH decided on the contact: it is DECIDED (unless already CLOSED), and a referral if the
/// threshold was met, which later contacts about its subjects then repeat (O3).
/// </summary>
internal sealed class DecisionRecordedProgressConsumer(NpgsqlDataSource dataSource) : IConsumer<DecisionRecorded>
{
    public Task Consume(ConsumeContext<DecisionRecorded> context)
    {
        var decided = context.Message;
        var occurredAt = EventFields.OccurredAt(decided.OccurredAt);
        return EventInbox.ApplyOnceAsync(dataSource, nameof(DecisionRecordedProgressConsumer), EventFields.IdOf(decided.EventId, context.MessageId), async transaction =>
        {
            await ContactProgress.AdvanceAsync(transaction, decided.ContactId, ContactStatus.Decided, null, occurredAt, context.CancellationToken);
            await ReferralDecisions.RecordAsync(transaction, decided.ContactId, decided.ThresholdMet, occurredAt, context.CancellationToken);
        }, context.CancellationToken);
    }
}

/// <summary>Outcomes recorded the contact's outcome (O4): it is CLOSED, with the outcome for the referrer.</summary>
internal sealed class ContactOutcomeFedBackConsumer(NpgsqlDataSource dataSource) : IConsumer<ContactOutcomeFedBack>
{
    public Task Consume(ConsumeContext<ContactOutcomeFedBack> context)
    {
        var fedBack = context.Message;
        var occurredAt = EventFields.OccurredAt(fedBack.OccurredAt);
        return EventInbox.ApplyOnceAsync(dataSource, nameof(ContactOutcomeFedBackConsumer), EventFields.IdOf(fedBack.EventId, context.MessageId), transaction =>
            ContactProgress.AdvanceAsync(transaction, fedBack.ContactId, ContactStatus.Closed, fedBack.Outcome, occurredAt, context.CancellationToken), context.CancellationToken);
    }
}
