using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>An imported contact's original receipt: a real instant, and not yet to come (it would start clocks that have not started).</summary>
public static class ReceivedAtIsNotInTheFuture
{
    public static IEnumerable<Violation> Check(SubmitContactRequest request, DateTimeOffset now)
    {
        if (request.ReceivedAt is not { } receivedAt)
        {
            yield break;
        }
        if (!Timestamps.AreInstants(receivedAt))
        {
            yield return new("received_at", "not a valid timestamp: seconds within years 1–9999 and nanos from 0 to 999,999,999");
        }
        else if (receivedAt.ToDateTimeOffset() > now)
        {
            yield return new("received_at", $"must not be in the future (the server's clock says {now:O})");
        }
    }
}
