using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Contacts;

/// <summary>A contact as Intake holds it: as submitted, with where it has got to.</summary>
public sealed record StoredContact(ContactReceipt Receipt, Contact Contact)
{
    /// <summary>The outcome code once Outcomes has fed it back (the contact is then CLOSED); null before.</summary>
    public string? Outcome { get; init; }
}
