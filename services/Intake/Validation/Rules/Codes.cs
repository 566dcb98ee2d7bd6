using Mash.Contracts.Common.V1;

namespace Mash.Intake.Validation.Rules;

internal static class Codes
{
    /// <summary>The codes a field accepts, for the fault description.</summary>
    public static string List(IEnumerable<Term> terms) => string.Join(", ", terms.Select(t => t.Code));
}
