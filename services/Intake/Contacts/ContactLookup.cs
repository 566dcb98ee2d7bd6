namespace Mash.Intake.Contacts;

/// <summary>What looking a contact up for a caller found: nothing, another agency's contact (<see cref="Denied"/>), or the contact.</summary>
public sealed record ContactLookup(StoredContact? Contact, bool Denied)
{
    public static ContactLookup NotFound { get; } = new(null, false);

    public static ContactLookup Refused { get; } = new(null, true);

    public static ContactLookup Found(StoredContact contact) => new(contact, false);
}
