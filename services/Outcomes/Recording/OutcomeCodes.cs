using Mash.Contracts.Common.V1;
using static Google.Rpc.BadRequest.Types;

namespace Mash.Outcomes.Recording;

/// <summary>An outcome is one of the partnership's configured codes, whether recorded or corrected.</summary>
internal static class OutcomeCodes
{
    public static FieldViolation? Violation(string outcome, Vocabulary vocabulary) =>
        string.IsNullOrWhiteSpace(outcome) ? new() { Field = "outcome", Description = "The outcome is required." }
        : !vocabulary.Outcomes.HasCode(outcome) ? new() { Field = "outcome", Description = $"'{outcome}' is not a configured outcome code." }
        : null;
}
