using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Contacts;

/// <summary>What an agency is told when its contact is stored; a retry is told the same again.</summary>
public sealed record ContactReceipt(Guid ContactId, DateTimeOffset ReceivedAt, ContactStatus Status);
