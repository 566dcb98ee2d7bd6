using Mash.Intake.Repeats;

namespace Mash.Intake.Returns;

/// <summary>The statutory returns' settings under <c>Intake</c>.</summary>
public sealed class ReturnsOptions
{
    public const string SectionName = "Intake";
    public const string Requirement = $"Intake:ReturnMaxPeriod must be {RepeatWindow.Format}.";

    /// <summary>The longest period one return may cover: each contact in it is read and audited, and the file is built in memory.</summary>
    public string ReturnMaxPeriod { get; set; } = "2 years";

    public bool IsUsable => RepeatWindow.TryParse(ReturnMaxPeriod, out _);

    public RepeatWindow MaxPeriod => RepeatWindow.TryParse(ReturnMaxPeriod, out var period)
        ? period
        : throw new InvalidOperationException(Requirement);
}
