namespace Mash.Intake.Repeats;

/// <summary>Repeat detection's settings under <c>Intake</c>.</summary>
public sealed class RepeatOptions
{
    public const string SectionName = "Intake";
    public const int MaximumLimit = 1000;
    public const string Requirement =
        $"Intake:RepeatWindow must be {Repeats.RepeatWindow.Format}, and Intake:RepeatLimit a whole number from 1 to 1000.";

    /// <summary>
    /// How far back an earlier contact about the same subject makes a contact a repeat. The seed
    /// frameworks' value is 12 months (MEASURES.md O3); a partnership may set its own.
    /// </summary>
    public string RepeatWindow { get; set; } = "12 months";

    /// <summary>At most this many earlier contacts are recorded per contact (the most recent), and apart at most this many earlier referrals; it still counts as a repeat.</summary>
    public int RepeatLimit { get; set; } = 50;

    public bool IsUsable => Repeats.RepeatWindow.TryParse(RepeatWindow, out _) && RepeatLimit is >= 1 and <= MaximumLimit;

    public RepeatWindow Window => Repeats.RepeatWindow.TryParse(RepeatWindow, out var window)
        ? window
        : throw new InvalidOperationException(Requirement);
}
