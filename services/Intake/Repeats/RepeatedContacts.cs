namespace Mash.Intake.Repeats;

/// <summary>
/// The earlier contacts a contact repeats, most recent first, and apart from them the earlier ones
/// the MASH had decided were referrals (O3). Compared by value, so the receipt a retry reads back
/// equals the first one.
/// </summary>
/// <param name="ContactIds">The earlier contacts in the window, most recent first.</param>
/// <param name="ReferralIds">Those earlier contacts in the window that had become referrals when this one was stored, most recent first.</param>
public sealed record RepeatedContacts(IReadOnlyList<Guid> ContactIds, IReadOnlyList<Guid> ReferralIds)
{
    public static RepeatedContacts None { get; } = new([], []);

    public bool Equals(RepeatedContacts? other) =>
        other is not null && ContactIds.SequenceEqual(other.ContactIds) && ReferralIds.SequenceEqual(other.ReferralIds);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var id in ContactIds.Concat(ReferralIds))
        {
            hash.Add(id);
        }
        return hash.ToHashCode();
    }

    /// <summary>As stored: either list may be empty.</summary>
    public static RepeatedContacts Of(Guid[] contactIds, Guid[] referralIds) =>
        contactIds.Length == 0 && referralIds.Length == 0 ? None : new(contactIds, referralIds);
}
