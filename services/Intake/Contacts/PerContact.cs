namespace Mash.Intake.Contacts;

/// <summary>A batch's events about contacts, come to one a contact so that one statement can apply them.</summary>
public static class PerContact
{
    /// <summary>
    /// Each contact's event that applying <paramref name="events"/> one by one, in order, would leave:
    /// an event takes over from the one before it when <paramref name="replaces"/>(event, before) holds,
    /// the same rule the statement applies against the row. A malformed contact id is left out: it changes nothing.
    /// </summary>
    public static IReadOnlyDictionary<Guid, T> Net<T>(IEnumerable<T> events, Func<T, string> contactIdOf, Func<T, T, bool> replaces)
    {
        var standing = new Dictionary<Guid, T>();
        foreach (var e in events)
        {
            if (Guid.TryParse(contactIdOf(e), out var id) && (!standing.TryGetValue(id, out var before) || replaces(e, before)))
            {
                standing[id] = e;
            }
        }
        return standing;
    }
}
