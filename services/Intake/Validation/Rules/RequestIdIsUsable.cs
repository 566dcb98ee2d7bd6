using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>The client's idempotency key: without it a retry would store the contact twice.</summary>
public static class RequestIdIsUsable
{
    // Part of a unique key; far above any UUID or ULID a client would choose.
    public const int MaxLength = 200;

    public static IEnumerable<Violation> Check(SubmitContactRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RequestId))
        {
            yield return new("request_id", "required: an id the client chooses once per contact and repeats on every retry");
        }
        else if (request.RequestId.Length > MaxLength)
        {
            yield return new("request_id", $"at most {MaxLength} characters");
        }
    }
}
