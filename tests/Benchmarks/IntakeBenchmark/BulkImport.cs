using System.Collections.Concurrent;
using System.Diagnostics;
using Mash.Contracts.Intake.V1;
using Grpc.Core;

namespace IntakeBenchmark;

/// <summary>What one bulk import gave: every item must come back accepted, in order.</summary>
internal sealed record BulkResult(int Contacts, int Streams, double Seconds, long Accepted, long Rejected, string? FirstRejection)
{
    /// <summary>What the JIT compiled meanwhile: a warm service compiles (almost) nothing.</summary>
    public JitActivity Jit { get; init; } = JitActivity.None;

    /// <summary>Contacts Intake held before the import began (null for the ceiling): its indexes grow with them.</summary>
    public long? StoredBefore { get; init; }

    /// <summary>Bytes this whole process (client and server) allocated during the import: the garbage collector's work.</summary>
    public long Allocated { get; init; }

    public double ContactsPerSecond => Accepted / Seconds;

    public bool AllAccepted => Accepted == Contacts && Rejected == 0;
}

/// <summary>
/// SubmitContacts over N duplex streams at once, the contacts split between them: on each, one task
/// writes its contacts back to back (HTTP/2 flow control holds it back when Intake falls behind) while
/// another reads the results, checking each answers the item written in that place. Timed from the
/// first write to the last result.
/// </summary>
internal static class BulkImport
{
    // As a bulk client should: items are marked WriteFlags.BufferHint and every 64th flushed, so a
    // frame and a syscall may carry many. Grpc.Net.Client 2.85 flushes every request-stream write
    // anyway (HttpContentClientStreamWriter), so here each contact still goes out on its own; the
    // bare ceiling (BareBulkImport) shows what batching the writes would be worth.
    private const int WritesPerFlush = 64;
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public static async Task<BulkResult> RunAsync(IntakeService.IntakeServiceClient client, ContactSource contacts, int total, int streams)
    {
        var accepted = new long[1];
        var rejected = new long[1];
        string? firstRejection = null;
        var jit = JitActivity.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var start = Stopwatch.GetTimestamp();
        var calls = new Task[streams];
        for (var s = 0; s < streams; s++)
        {
            var count = (total / streams) + (s < total % streams ? 1 : 0);
            calls[s] = Task.Run(async () =>
            {
                using var call = client.SubmitContacts(SubmitTarget.Credentials);
                var written = new ConcurrentQueue<string>();
                var writer = Task.Run(async () =>
                {
                    for (var i = 0; i < count; i++)
                    {
                        var request = contacts.Next();
                        written.Enqueue(request.RequestId);
                        call.RequestStream.WriteOptions = (i + 1) % WritesPerFlush == 0 ? null : Buffered;
                        await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
                    }
                    await call.RequestStream.CompleteAsync().ConfigureAwait(false);
                });
                var read = 0;
                while (await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
                {
                    var result = call.ResponseStream.Current;
                    if (!written.TryDequeue(out var expected) || result.RequestId != expected)
                    {
                        throw new InvalidDataException($"Result {read} answers request '{result.RequestId}', not '{expected}'.");
                    }
                    read++;
                    if (result.ResultCase == SubmitContactResult.ResultOneofCase.Accepted)
                    {
                        Interlocked.Increment(ref accepted[0]);
                    }
                    else
                    {
                        Interlocked.Increment(ref rejected[0]);
                        Interlocked.CompareExchange(ref firstRejection, $"{result.RequestId}: code {result.Rejected?.Code} {result.Rejected?.Message}", null);
                    }
                }
                await writer.ConfigureAwait(false);
                if (read != count)
                {
                    throw new InvalidDataException($"The stream ended after {read} results for {count} contacts.");
                }
            });
        }
        await Task.WhenAll(calls).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new BulkResult(total, streams, seconds, accepted[0], rejected[0], firstRejection) { Jit = jit.Stop(), Allocated = GC.GetTotalAllocatedBytes() - allocatedBefore };
    }
}
