using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>
/// Time is data only for history: an importer replaying a legacy case system says when a contact was
/// received; a frontline app's contact is received when it arrives, whatever its clock says.
/// </summary>
public static class ReceivedAtOnlyFromAnImporter
{
    public static IEnumerable<Violation> Check(SubmitContactRequest request, bool isImporter)
    {
        if (request.ReceivedAt is not null && !isImporter)
        {
            yield return new("received_at", "only the importer role may give the time a contact was received; a live contact is received when it arrives");
        }
    }
}
