using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Returns.Fields;

/// <summary>Who made the contact, as the CIN census codes it (1A … 10): Annex A's "contact source" and "referral source" alike.</summary>
public static class ReferralSource
{
    public static string Code(Contact contact, ReturnCodeBook codes) => codes.ReferralSource(contact.Agency?.ReferralSource ?? "") ?? "";
}
