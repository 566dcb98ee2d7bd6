using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>Which front door the contact goes through: children's or adults' (measure D6).</summary>
public static class PathwayIsSpecified
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary)
    {
        if (!Enum.IsDefined(contact.Pathway) || contact.Pathway == Pathway.Unspecified)
        {
            yield return new("contact.pathway", "required: PATHWAY_CHILDREN or PATHWAY_ADULTS");
        }
    }
}
