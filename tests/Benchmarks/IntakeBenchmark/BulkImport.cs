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

    /// <summary>The CPU this process and PostgreSQL spent during the import.</summary>
    public CpuUse Cpu { get; init; } = CpuUse.None;

    public double ContactsPerSecond => Accepted / Seconds;

    public bool AllAccepted => Accepted == Contacts && Rejected == 0;
}

/// <summary>
/// A bulk import over N duplex streams at once, the contacts split between them, by SubmitContacts
/// (a contact a message) or SubmitContactBatches (many a message): on each stream one task writes
/// back to back (HTTP/2 flow control holds it back when Intake falls behind) while another reads
/// the results, checking each answers the contact written in that place. Timed from the first
/// write to the last result.
/// </summary>
internal static class BulkImport
{
    // As a bulk client should: items are marked WriteFlags.BufferHint and every 64th flushed, so a
    // frame and a syscall may carry many. Grpc.Net.Client 2.85 flushes every request-stream write
    // anyway (HttpContentClientStreamWriter), so here each contact still goes out on its own; the
    // bare ceiling (BareBulkImport) shows what batching the writes would be worth, and
    // SubmitContactBatches is how a Grpc.Net.Client client gets it.
    private const int WritesPerFlush = 64;
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public static Task<BulkResult> RunAsync(IntakeService.IntakeServiceClient client, ContactSource contacts, int total, int streams) =>
        RunStreamsAsync(total, streams, (count, tally) => OneByOneAsync(client, contacts, count, tally));

    public static Task<BulkResult> RunBatchesAsync(IntakeService.IntakeServiceClient client, ContactSource contacts, int total, int streams, int batchSize) =>
        RunStreamsAsync(total, streams, (count, tally) => BatchedAsync(client, contacts, count, batchSize, tally));

    private static async Task<BulkResult> RunStreamsAsync(int total, int streams, Func<int, Tally, Task> stream)
    {
        var tally = new Tally();
        var jit = JitActivity.Start();
        var cpu = CpuUse.Start();
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(() => stream((total / streams) + (s < total % streams ? 1 : 0), tally)))).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new BulkResult(total, streams, seconds, tally.Accepted, tally.Rejected, tally.FirstRejection) { Jit = jit.Stop(), Cpu = cpu.Stop(), Allocated = GC.GetTotalAllocatedBytes() - allocatedBefore };
    }

    private static async Task OneByOneAsync(IntakeService.IntakeServiceClient client, ContactSource contacts, int count, Tally tally)
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
            tally.Add(call.ResponseStream.Current, written, read++);
        }
        await writer.ConfigureAwait(false);
        Tally.CheckAllAnswered(read, count);
    }

    private static async Task BatchedAsync(IntakeService.IntakeServiceClient client, ContactSource contacts, int count, int batchSize, Tally tally)
    {
        using var call = client.SubmitContactBatches(SubmitTarget.Credentials);
        var written = new ConcurrentQueue<string>();
        var writer = Task.Run(async () =>
        {
            for (var sent = 0; sent < count; sent += batchSize)
            {
                var batch = new SubmitContactBatch();
                for (var i = 0; i < Math.Min(batchSize, count - sent); i++)
                {
                    var request = contacts.Next();
                    written.Enqueue(request.RequestId);
                    batch.Contacts.Add(request);
                }
                await call.RequestStream.WriteAsync(batch).ConfigureAwait(false);
            }
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        });
        var read = 0;
        while (await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false))
        {
            foreach (var result in call.ResponseStream.Current.Results)
            {
                tally.Add(result, written, read++);
            }
        }
        await writer.ConfigureAwait(false);
        Tally.CheckAllAnswered(read, count);
    }

    /// <summary>The results of every stream of one import.</summary>
    private sealed class Tally
    {
        private long accepted;
        private long rejected;
        private string? firstRejection;

        public long Accepted => Interlocked.Read(ref accepted);

        public long Rejected => Interlocked.Read(ref rejected);

        public string? FirstRejection => firstRejection;

        /// <summary>Counts a result, which must answer the next contact written on its stream.</summary>
        public void Add(SubmitContactResult result, ConcurrentQueue<string> written, int position)
        {
            if (!written.TryDequeue(out var expected) || result.RequestId != expected)
            {
                throw new InvalidDataException($"Result {position} answers request '{result.RequestId}', not '{expected}'.");
            }
            if (result.ResultCase == SubmitContactResult.ResultOneofCase.Accepted)
            {
                Interlocked.Increment(ref accepted);
            }
            else
            {
                Interlocked.Increment(ref rejected);
                Interlocked.CompareExchange(ref firstRejection, $"{result.RequestId}: code {result.Rejected?.Code} {result.Rejected?.Message}", null);
            }
        }

        public static void CheckAllAnswered(int read, int count)
        {
            if (read != count)
            {
                throw new InvalidDataException($"The stream ended after {read} results for {count} contacts.");
            }
        }
    }
}
