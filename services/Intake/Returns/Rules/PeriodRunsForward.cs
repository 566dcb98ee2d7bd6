using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation;

namespace Mash.Intake.Returns.Rules;

/// <summary>The period ends after it starts: <c>to</c> is the day after its last, so at least a day after <c>from</c>.</summary>
public static class PeriodRunsForward
{
    public static IEnumerable<Violation> Check(ExportReturnRequest request, ReturnsOptions options)
    {
        if (PeriodDate.Of(request.From) is { } from && PeriodDate.Of(request.To) is { } to && to <= from)
        {
            yield return new("to", "must be after from (the period runs from from up to, not including, to)");
        }
    }
}
