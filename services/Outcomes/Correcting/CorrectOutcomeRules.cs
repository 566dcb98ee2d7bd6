using Mash.Contracts.Common.V1;
using Mash.Contracts.Outcomes.V1;
using Mash.Outcomes.Recording;
using Mash.ServiceDefaults;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Correcting;

/// <summary>What a CorrectOutcome request must say, one rule per field; every broken rule is reported at once.</summary>
internal static class CorrectOutcomeRules
{
    /// <summary>Long enough for a paragraph of why; a reason is not a case note.</summary>
    public const int MaxReasonLength = 2000;

    public static IReadOnlyList<FieldViolation> Check(CorrectOutcomeRequest request, Vocabulary vocabulary) =>
        [.. new[]
        {
            ContactIds.Violation(request.ContactId),
            OutcomeCodes.Violation(request.Outcome, vocabulary),
            ReasonIsGiven(request),
        }.OfType<FieldViolation>()];

    /// <summary>A correction without a why cannot be audited or learnt from.</summary>
    public static FieldViolation? ReasonIsGiven(CorrectOutcomeRequest request) =>
        string.IsNullOrWhiteSpace(request.Reason) ? new() { Field = "reason", Description = "Say why the recorded outcome was wrong." }
        : request.Reason.Length > MaxReasonLength ? new() { Field = "reason", Description = $"The reason is at most {MaxReasonLength} characters." }
        : null;
}
