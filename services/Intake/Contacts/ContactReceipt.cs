using Mash.Contracts.Intake.V1;
using Mash.Intake.Repeats;

namespace Mash.Intake.Contacts;

/// <summary>What an agency is told when its contact is stored; a retry is told the same again.</summary>
public sealed record ContactReceipt(Guid ContactId, DateTimeOffset ReceivedAt, ContactStatus Status)
{
    /// <summary>The earlier contacts this one repeats, found when it was stored.</summary>
    public RepeatedContacts Repeats { get; init; } = RepeatedContacts.None;
}
