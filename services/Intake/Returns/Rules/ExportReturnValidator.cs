using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation;

namespace Mash.Intake.Returns.Rules;

/// <summary>Every rule an ExportReturn request must pass; every fault is reported at once.</summary>
public static class ExportReturnValidator
{
    private static readonly Func<ExportReturnRequest, ReturnsOptions, IEnumerable<Violation>>[] Rules =
        [ReturnIsKnown.Check, FormatIsKnown.Check, PeriodIsGiven.Check, PeriodRunsForward.Check, PeriodIsWithinMaximum.Check];

    public static IReadOnlyList<Violation> Validate(ExportReturnRequest request, ReturnsOptions options) =>
        [.. Rules.SelectMany(rule => rule(request, options))];
}
