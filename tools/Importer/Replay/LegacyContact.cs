using Mash.Contracts.Common.V1;

namespace Mash.Importer.Replay;

/// <summary>A legacy contact's fields as Intake's Contact needs them; one child a contact (an Annex A List 1 line).</summary>
internal sealed record LegacyContact(
    string AgencyId, string ReferralSource, string ContactType, Pathway Pathway, IReadOnlyList<string> PresentingIssues, string DashRisk, string Consent,
    LegacyChild Child);

/// <summary>The child (or adult) the contact is about: the legacy system's person id and what identifies them.</summary>
internal sealed record LegacyChild(string ChildId, string GivenName, string FamilyName, DateOnly? DateOfBirth, string Gender, string Postcode, string NhsNumber);
