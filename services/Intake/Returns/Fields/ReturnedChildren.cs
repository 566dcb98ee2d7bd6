using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Fields;

/// <summary>
/// Which subjects of a contact the returns count: the children (unborn ones too) of a contact through
/// the children's front door. Adults are not in Annex A or the CIN census, nor are children named in an
/// adults' pathway contact, which children's social care did not receive about them.
/// </summary>
public static class ReturnedChildren
{
    public static bool Counts(Contact contact, Subject subject) =>
        subject.Kind == SubjectKind.Child && contact.Pathway != Pathway.Adults;
}
