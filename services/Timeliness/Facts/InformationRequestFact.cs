using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;

namespace Mash.Timeliness.Facts;

/// <summary>
/// What one of Triage's events tells of an information request to a partner agency (T2): who was
/// asked and when, and, from InformationProvided, when it was answered.
/// </summary>
internal sealed record InformationRequestFact(string RequestId, string ContactId, string AgencyId, DateTimeOffset RequestedAt, DateTimeOffset? ProvidedAt)
{
    public static InformationRequestFact From(InformationRequested requested) =>
        new(RequestIdOf(requested.RequestId), requested.ContactId, requested.AgencyId, EventFields.OccurredAt(requested.OccurredAt), null);

    // The answer carries its request's time, so an answer that overtakes its request is complete on its own.
    public static InformationRequestFact From(InformationProvided provided) =>
        new(RequestIdOf(provided.RequestId), provided.ContactId, provided.AgencyId,
            provided.RequestedAt?.ToDateTimeOffset() ?? throw new InvalidOperationException("The answer has no requested_at."),
            EventFields.OccurredAt(provided.OccurredAt));

    // No retry mends it: after MassTransit's retries the event rests in the _error queue for an operator.
    private static string RequestIdOf(string requestId) =>
        requestId.Length > 0 ? requestId : throw new InvalidOperationException("The event has no request_id.");
}
