using System.Globalization;
using System.Text.RegularExpressions;

namespace Mash.Timeliness.Timing;

/// <summary>
/// A target as a partnership writes it: "4 hours", "1.5 hours", "72 hours", "5 working days",
/// "1 working day", or "none" (no target for that RAG: written out, so a forgotten key is still an error). Text rather than numbers under named keys, so changing a target's kind (hours to
/// working days) is one setting, not two that must agree.
/// </summary>
internal static partial class TargetText
{
    /// <summary>The target, or null when the text is not one (or is not positive).</summary>
    public static Target? Parse(string? text)
    {
        if (string.Equals(text?.Trim(), NoTarget, StringComparison.OrdinalIgnoreCase))
        {
            return new Target.None();
        }
        var match = Pattern().Match(text ?? "");
        if (!match.Success || !decimal.TryParse(match.Groups["amount"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }
        if (match.Groups["unit"].Value.StartsWith("hour", StringComparison.OrdinalIgnoreCase))
        {
            return new Target.Elapsed(TimeSpan.FromHours((double)amount));
        }
        // Whole days only; more than a year is a typo, not a target.
        return decimal.IsInteger(amount) && amount <= 366 ? new Target.WorkingDays((int)amount) : null;
    }

    public const string NoTarget = "none";

    [GeneratedRegex(@"^\s*(?<amount>\d+(?:\.\d+)?)\s*(?<unit>hours?|working\s+days?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
