namespace Mash.ServiceDefaults.Tests;

/// <summary>GUIDs from the buffered source are what .NET's own would be: the right version and variant, ordered by time, never repeated.</summary>
public sealed class NewGuidsTests
{
    [Fact]
    public void A_random_guid_is_version_4_of_rfc_9562()
    {
        var id = NewGuids.Random();

        Assert.Equal(4, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
    }

    [Fact]
    public void An_ordered_guid_carries_its_millisecond_as_dotnet_writes_it()
    {
        var at = new DateTimeOffset(2026, 12, 7, 1, 2, 3, 456, TimeSpan.Zero);

        var id = NewGuids.OrderedBy(at);

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        // The first 48 bits are the same as Guid.CreateVersion7's for that millisecond.
        Assert.Equal(Guid.CreateVersion7(at).ToString()[..13], id.ToString()[..13]);
    }

    [Fact]
    public void Ordered_guids_sort_by_their_time_as_text_and_as_guids()
    {
        var start = DateTimeOffset.UnixEpoch.AddYears(56);
        var ids = Enumerable.Range(0, 1000).Select(i => NewGuids.OrderedBy(start.AddMilliseconds(i))).ToList();

        Assert.Equal(ids, ids.Order());
        Assert.Equal(ids.Select(id => id.ToString()), ids.Select(id => id.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_guid_is_given_twice_across_threads_and_buffer_refills()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                ids.Add(i % 2 == 0 ? NewGuids.Random() : NewGuids.OrderedBy(DateTimeOffset.UtcNow));
            }
        });

        Assert.Equal(40_000, ids.Distinct().Count());
    }
}
