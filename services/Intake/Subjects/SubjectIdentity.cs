using Mash.Contracts.Intake.V1;
using Mash.Intake.Validation;

namespace Mash.Intake.Subjects;

/// <summary>
/// Who a subject is, written one way only, so the same person submitted twice (by different
/// agencies, in different hands) gets the same reference: the NHS number when there is one, else
/// name, date of birth (or expected date) and postcode.
/// </summary>
public static class SubjectIdentity
{
    /// <summary>The normalised identity; null when nothing names the subject (no NHS number, no name).</summary>
    public static string? Of(Subject subject) =>
        NhsNumber.Normalise(subject.NhsNumber) is { } nhs ? $"nhs:{nhs}" : PersonOf(subject);

    private static string? PersonOf(Subject subject)
    {
        var given = Letters(subject.GivenName);
        var family = Letters(subject.FamilyName);
        if (given.Length == 0 && family.Length == 0)
        {
            return null;
        }
        return $"person:{given}|{family}|{Birth(subject)}|{Letters(subject.Address?.Postcode)}";
    }

    private static string Birth(Subject subject) => subject.BirthCase switch
    {
        Subject.BirthOneofCase.DateOfBirth => $"born:{Iso(subject.DateOfBirth)}",
        Subject.BirthOneofCase.ExpectedDate => $"due:{Iso(subject.ExpectedDate)}",
        _ => "",
    };

    private static string Iso(Date date) => $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}";

    /// <summary>Lower-case letters and digits only: "O'Brien-Smith " and "obrien smith" are one name, "SW1A 1AA" and "sw1a1aa" one postcode.</summary>
    internal static string Letters(string? text) =>
        new([.. (text ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
