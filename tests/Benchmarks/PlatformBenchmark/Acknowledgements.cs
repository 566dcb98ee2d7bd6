using System.Diagnostics;

namespace PlatformBenchmark;

/// <summary>
/// When each contact of the run was acknowledged, in the order of acknowledgement: the n-th entry
/// says when the platform had acknowledged n + 1 contacts. A projection that holds n of them is
/// behind by the acknowledgements after the n-th, and by as long ago as the (n + 1)-th was made.
/// Recording takes a slot, a timestamp and the contact's id, no lock, so it costs the load
/// generator nothing; the ids let a phase check that no acknowledged contact went missing.
/// </summary>
internal sealed class Acknowledgements
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly long[]?[] chunks = new long[]?[16_384];
    private readonly string?[]?[] ids = new string?[]?[16_384];
    private long count;

    /// <summary>Contacts acknowledged so far in the run.</summary>
    public long Count => Interlocked.Read(ref count);

    public void Record(string contactId)
    {
        var index = Interlocked.Increment(ref count) - 1;
        var chunk = chunks[index >> ChunkBits];
        if (chunk is null)
        {
            Interlocked.CompareExchange(ref chunks[index >> ChunkBits], new long[ChunkSize], null);
            chunk = chunks[index >> ChunkBits]!;
        }
        var idChunk = ids[index >> ChunkBits];
        if (idChunk is null)
        {
            Interlocked.CompareExchange(ref ids[index >> ChunkBits], new string?[ChunkSize], null);
            idChunk = ids[index >> ChunkBits]!;
        }
        Volatile.Write(ref idChunk[index & (ChunkSize - 1)], contactId);
        Volatile.Write(ref chunk[index & (ChunkSize - 1)], Stopwatch.GetTimestamp());
    }

    /// <summary>The ids of the contacts acknowledged from the <paramref name="from"/>-th on (counted from 0), as far as recorded.</summary>
    public IEnumerable<string> IdsSince(long from)
    {
        var until = Count;
        for (var index = Math.Max(from, 0); index < until; index++)
        {
            if (ids[index >> ChunkBits] is { } chunk && Volatile.Read(ref chunk[index & (ChunkSize - 1)]) is { } id)
            {
                yield return id;
            }
        }
    }

    /// <summary>How far a projection holding <paramref name="projected"/> of the acknowledged contacts is behind, at <paramref name="now"/> (a Stopwatch timestamp).</summary>
    public Lag LagOf(long projected, long acknowledged, long now)
    {
        projected = Math.Max(projected, 0);
        if (projected >= acknowledged)
        {
            return new Lag(0, TimeSpan.Zero);
        }
        var chunk = chunks[projected >> ChunkBits];
        // A slot taken but not yet stamped is an acknowledgement of this very moment.
        var at = chunk is null ? 0 : Volatile.Read(ref chunk[projected & (ChunkSize - 1)]);
        return new Lag(acknowledged - projected, at == 0 || at > now ? TimeSpan.Zero : Stopwatch.GetElapsedTime(at, now));
    }
}

/// <summary>How far a projection is behind the acknowledgements: in contacts, and in time since the oldest it lacks was acknowledged.</summary>
internal readonly record struct Lag(long Contacts, TimeSpan Time);
