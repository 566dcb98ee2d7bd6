using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>A contact is about someone: at least one child or adult.</summary>
public static class HasSubjects
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary)
    {
        if (contact.Subjects.Count == 0)
        {
            yield return new("contact.subjects", "at least one subject (the child or adult the contact is about) is required");
        }
    }
}
