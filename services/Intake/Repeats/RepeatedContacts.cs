namespace Mash.Intake.Repeats;

/// <summary>
/// The earlier contacts a contact repeats, most recent first. Compared by value, so the receipt a
/// retry reads back equals the first one.
/// </summary>
public sealed record RepeatedContacts(IReadOnlyList<Guid> ContactIds)
{
    public static RepeatedContacts None { get; } = new([]);

    public bool Equals(RepeatedContacts? other) => other is not null && ContactIds.SequenceEqual(other.ContactIds);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in ContactIds)
        {
            hash.Add(id);
        }
        return hash.ToHashCode();
    }
}
