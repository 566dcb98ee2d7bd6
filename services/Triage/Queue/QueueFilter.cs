using Mash.Contracts.Common.V1;

namespace Mash.Triage.Queue;

/// <summary>
/// Which undecided contacts a page of the queue holds. An empty list filters nothing;
/// <see cref="Rag.Unspecified"/> among <see cref="Rags"/> selects contacts not rated yet. Ages count
/// from receipt to <see cref="QueuePageRequest.AsOf"/>.
/// </summary>
internal sealed record QueueFilter(
    IReadOnlyList<Rag> Rags,
    IReadOnlyList<string> AgencyIds,
    IReadOnlyList<Pathway> Pathways,
    IReadOnlyList<string> ContactTypes,
    TimeSpan? MinAge = null,
    TimeSpan? MaxAge = null,
    bool DueSoon = false)
{
    public static QueueFilter None { get; } = new([], [], [], []);
}

/// <summary>Where a page ends in the queue's order (due time, then contact id): the next page starts after it.</summary>
internal sealed record QueuePosition(DateTimeOffset DueAt, string ContactId);

/// <summary>
/// A page of the queue: its filter, its size, where it starts, and the instant its ages and "due
/// soon" are measured from, fixed by the first page so that paging on never moves the window.
/// </summary>
internal sealed record QueuePageRequest(QueueFilter Filter, int PageSize, QueuePosition? After, DateTimeOffset AsOf);

/// <summary>The contacts of a page and where the next starts (null after the last).</summary>
internal sealed record QueuePage(IReadOnlyList<QueueEntry> Entries, QueuePosition? Next);
