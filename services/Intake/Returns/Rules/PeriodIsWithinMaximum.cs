using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation;

namespace Mash.Intake.Returns.Rules;

/// <summary>The period is no longer than Intake:ReturnMaxPeriod: a longer one is asked for in parts.</summary>
public static class PeriodIsWithinMaximum
{
    public static IEnumerable<Violation> Check(ExportReturnRequest request, ReturnsOptions options)
    {
        var longest = options.MaxPeriod;
        if (PeriodDate.Of(request.From) is { } from && PeriodDate.Of(request.To) is { } to && to > from
            && from < to.AddMonths(-longest.Months).AddDays(-longest.Days))
        {
            yield return new("to", $"the period is longer than {longest}, the most one return covers; ask for it in parts");
        }
    }
}
