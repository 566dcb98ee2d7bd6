using Mash.Contracts.Common.V1;
using Mash.Contracts.Intake.V1;

namespace Mash.Intake.Validation.Rules;

/// <summary>
/// "Think family": each household link joins two different subjects of the contact, by their
/// subject_key, and says how they are related. Keys are then required and unique, or a link could
/// join the wrong person. Descriptions never repeat a key: a client may have built it from a name.
/// </summary>
public static class HouseholdLinksReferToSubjects
{
    public static IEnumerable<Violation> Check(Contact contact, Vocabulary vocabulary) =>
        contact.HouseholdLinks.Count == 0 ? [] : [.. SubjectKeys(contact.Subjects), .. Links(contact)];

    private static IEnumerable<Violation> SubjectKeys(IList<Subject> subjects)
    {
        for (var i = 0; i < subjects.Count; i++)
        {
            var key = subjects[i].SubjectKey;
            var first = Enumerable.Range(0, i).FirstOrDefault(j => subjects[j].SubjectKey == key, -1);
            if (string.IsNullOrWhiteSpace(key))
            {
                yield return new($"contact.subjects[{i}].subject_key", "required when household links are given: a reference unique within the contact");
            }
            else if (first >= 0)
            {
                yield return new($"contact.subjects[{i}].subject_key", $"the same as contact.subjects[{first}].subject_key: keys are unique within the contact");
            }
        }
    }

    private static IEnumerable<Violation> Links(Contact contact)
    {
        var keys = contact.Subjects.Select(s => s.SubjectKey).Where(k => !string.IsNullOrWhiteSpace(k)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < contact.HouseholdLinks.Count; i++)
        {
            var link = contact.HouseholdLinks[i];
            var path = $"contact.household_links[{i}]";
            if (KeyFault(link.FromSubjectKey, keys) is { } fromFault)
            {
                yield return new($"{path}.from_subject_key", fromFault);
            }
            if (KeyFault(link.ToSubjectKey, keys) is { } toFault)
            {
                yield return new($"{path}.to_subject_key", toFault);
            }
            if (keys.Contains(link.FromSubjectKey) && link.FromSubjectKey == link.ToSubjectKey)
            {
                yield return new($"{path}.to_subject_key", "the same subject as from_subject_key: a link joins two different subjects");
            }
            if (string.IsNullOrWhiteSpace(link.Relationship))
            {
                yield return new($"{path}.relationship", "required: how the two subjects are related (e.g. mother, sibling)");
            }
        }
    }

    /// <summary>What is wrong with one end of a link; null when it names a subject.</summary>
    private static string? KeyFault(string key, HashSet<string> keys) =>
        string.IsNullOrWhiteSpace(key) ? "required: the subject_key of one of the contact's subjects"
        : keys.Contains(key) ? null
        : "names no subject of this contact: expected the subject_key of one of contact.subjects";
}
