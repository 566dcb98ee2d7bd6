using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>The contact type is one of the partnership's (concern, information request, …).</summary>
public static class ContactTypeIsKnown
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary)
    {
        if (string.IsNullOrWhiteSpace(contact.ContactType))
        {
            yield return new("contact.contact_type", $"required: one of {Codes.List(vocabulary.ContactTypes)}");
        }
        else if (!vocabulary.ContactTypes.HasCode(contact.ContactType))
        {
            yield return new("contact.contact_type", $"'{contact.ContactType}' is not a contact type; expected one of {Codes.List(vocabulary.ContactTypes)}");
        }
    }
}
