namespace Mash.Triage.Queue;

/// <summary>The records changes taken together are of, each once: each change is answered as if alone, which two changes of one record could not be.</summary>
internal static class DifferentRecords
{
    public static HashSet<T> Of<T>(IEnumerable<T> keys, string name)
    {
        var list = keys.ToList();
        var distinct = list.ToHashSet();
        return distinct.Count == list.Count ? distinct : throw new ArgumentException("Changes taken together must each be of a different contact or request.", name);
    }
}
