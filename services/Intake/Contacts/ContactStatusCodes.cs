using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Contacts;

/// <summary>How <c>contacts.status</c> spells each status: words a person reading the table understands.</summary>
public static class ContactStatusCodes
{
    private static readonly Dictionary<ContactStatus, string> Codes = new()
    {
        [ContactStatus.Received] = "received",
        [ContactStatus.InTriage] = "in_triage",
        [ContactStatus.Decided] = "decided",
        [ContactStatus.Closed] = "closed",
    };

    public static string ToCode(ContactStatus status) => Codes[status];

    public static ContactStatus FromCode(string code) => Codes.Single(c => c.Value == code).Key;
}
