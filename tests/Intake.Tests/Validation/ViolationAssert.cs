using Mash.Intake.Validation;

namespace Mash.Intake.Tests.Validation;

internal static class ViolationAssert
{
    /// <summary>The rule found exactly these fields at fault, in this order.</summary>
    public static void Fields(IEnumerable<Violation> violations, params string[] fields) =>
        Assert.Equal(fields, violations.Select(v => v.Field));
}
