namespace Mash.Intake.Validation;

/// <summary>
/// NHS numbers: ten digits, the last a check digit. Weights 10 … 2 on the first nine digits; the
/// check digit is 11 minus the sum mod 11, where 11 means 0 and 10 means no valid number has those
/// nine digits. Spaces and hyphens between groups (943 476 5919) are accepted and ignored.
/// </summary>
public static class NhsNumber
{
    public static bool IsGiven(string? value) => !string.IsNullOrWhiteSpace(value);

    public static bool IsValid(string? value) => Normalise(value) is not null;

    /// <summary>The ten digits without separators, or null when <paramref name="value"/> is not a valid NHS number.</summary>
    public static string? Normalise(string? value)
    {
        var digits = new string([.. (value ?? "").Where(c => c is not (' ' or '-'))]);
        return digits.Length == 10 && digits.All(char.IsAsciiDigit) && CheckDigit(digits) == digits[9] - '0' ? digits : null;
    }

    /// <summary>The check digit the first nine digits call for; null when they call for 10 (never issued).</summary>
    public static int? CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - (sum % 11);
        return check switch { 11 => 0, 10 => null, _ => check };
    }
}
