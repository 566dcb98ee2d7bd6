using System.Diagnostics;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Contacts;

/// <summary>A valid contact waiting for its group commit: its id, receipt time and subject references are already fixed.</summary>
public sealed record PendingContact(string RequestId, Contact Contact, Guid ContactId, DateTimeOffset ReceivedAt, IReadOnlyList<string> SubjectRefs)
{
    public string AgencyId => Contact.Agency.OrganisationId;

    /// <summary>The trace of the call that submitted it, which its ContactReceived event continues (the commit is shared by many calls).</summary>
    public string? TraceParent { get; init; } = Activity.Current?.Id;

    /// <summary>What makes a submission a retry of another: the agency's own request id.</summary>
    public (string AgencyId, string RequestId) Key => (AgencyId, RequestId);
}
