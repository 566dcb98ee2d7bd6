using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>An NHS number, when given, passes its mod-11 check: a mistyped one would link the wrong person.</summary>
public static class NhsNumbersAreValid
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary) =>
        contact.Subjects
            .Select((subject, index) => (subject.NhsNumber, index))
            .Where(s => NhsNumber.IsGiven(s.NhsNumber) && !NhsNumber.IsValid(s.NhsNumber))
            .Select(s => new Violation($"contact.subjects[{s.index}].nhs_number", "not a valid NHS number: ten digits, the last a mod-11 check digit"));
}
