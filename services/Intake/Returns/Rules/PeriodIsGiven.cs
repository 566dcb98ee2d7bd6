using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation;

namespace Mash.Intake.Returns.Rules;

/// <summary>Both ends of the period, each a calendar date.</summary>
public static class PeriodIsGiven
{
    public static IEnumerable<Violation> Check(ExportReturnRequest request, ReturnsOptions options)
    {
        if (PeriodDate.Of(request.From) is null)
        {
            yield return new("from", "required: the period's first day, a calendar date");
        }
        if (PeriodDate.Of(request.To) is null)
        {
            yield return new("to", "required: the day after the period's last, a calendar date");
        }
    }
}
