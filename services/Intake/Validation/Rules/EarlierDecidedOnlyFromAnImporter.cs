using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>
/// Only an importer replaying history names earlier contacts to wait for (a live contact finds what was
/// decided when it arrives); each must be a contact id, and a few at most: they are one child's earlier
/// decided contacts, not a list of the partnership's.
/// </summary>
public static class EarlierDecidedOnlyFromAnImporter
{
    public const string Field = "earlier_decided_ids";

    public const int Most = 100;

    public static IEnumerable<Violation> Check(SubmitContactRequest request, bool isImporter)
    {
        var ids = request.EarlierDecidedIds;
        if (ids.Count == 0)
        {
            yield break;
        }
        if (!isImporter)
        {
            yield return new(Field, "only the importer role may name earlier contacts to wait for; a live contact finds what was decided when it arrives");
            yield break;
        }
        if (ids.Count > Most)
        {
            yield return new(Field, $"at most {Most} contacts; this request names {ids.Count}");
        }
        for (var i = 0; i < ids.Count; i++)
        {
            if (!Guid.TryParse(ids[i], out _))
            {
                yield return new($"{Field}[{i}]", "not a contact id (a UUID SubmitContact returned)");
            }
        }
    }
}
