using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>Every subject is a child or an adult: the pathway, thresholds and measures depend on it.</summary>
public static class SubjectKindsAreSpecified
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary) =>
        contact.Subjects
            .Select((subject, index) => (subject.Kind, index))
            .Where(s => !Enum.IsDefined(s.Kind) || s.Kind == SubjectKind.Unspecified)
            .Select(s => new Violation($"contact.subjects[{s.index}].kind", "required: SUBJECT_KIND_CHILD or SUBJECT_KIND_ADULT"));
}
