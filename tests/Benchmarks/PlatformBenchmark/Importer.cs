using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Grpc.Core;
using IntakeBenchmark;
using Mash.Contracts.Intake.V1;

namespace PlatformBenchmark;

/// <summary>What one import gave: every contact must end accepted.</summary>
internal sealed record ImportResult(int Contacts, TimeSpan Time, long Accepted, long Resent, int Streams, long Rejected, string? FirstRejection, CallTally StreamEnds)
{
    public double ContactsPerSecond => Accepted / Time.TotalSeconds;
}

/// <summary>
/// A police force's batch, as a bulk client sends it: one duplex stream of SubmitContactBatches
/// (a batch of contacts a message; Grpc.Net.Client flushes every message) or SubmitContacts (a
/// contact a message), one task writing while another reads the results in order, each
/// acknowledged contact recorded in the run's <see cref="Acknowledgements"/>. When the platform
/// sheds load (the stream ends, or an item is rejected, RESOURCE_EXHAUSTED or UNAVAILABLE) the
/// contacts not accepted are sent again with the same request ids on a new stream, after a back-off
/// with jitter, as a client should; Intake stores each once. Timed from the first write to the last
/// acknowledgement.
/// </summary>
internal sealed class Importer(IntakeClients clients, ContactSource contacts, Acknowledgements acknowledgements, ImportRpc rpc, int batchSize)
{
    private const int MaxRetries = 30;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    /// <param name="stopOffering">Ends the import early: no contact is written after it, those written are answered.</param>
    public async Task<ImportResult> RunAsync(int total, CancellationToken cancellationToken, CancellationToken stopOffering = default)
    {
        var source = new Source(contacts, total, stopOffering);
        var tally = new Tally();
        var streamEnds = new CallTally();
        var streams = 0;
        var retries = 0;
        var start = Stopwatch.GetTimestamp();
        while (source.HasMore)
        {
            streams++;
            var shed = new List<SubmitContactRequest>();
            try
            {
                await StreamAsync(source, tally, shed, cancellationToken);
                var sheddingSeen = shed.Count > 0;
                source.Resend(shed);
                if (!sheddingSeen)
                {
                    retries = 0;
                    continue;
                }
            }
            catch (RpcException e) when (CallTally.IsShedding(e.StatusCode) && !cancellationToken.IsCancellationRequested)
            {
                streamEnds.Failed(e.StatusCode, e.Status.Detail);
                source.Resend(shed);
            }
            if (++retries > MaxRetries)
            {
                throw new InvalidOperationException($"The import was shed {MaxRetries} times running; {tally.Accepted:N0} of {total:N0} contacts accepted.");
            }
            var backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(retries - 1, 10)));
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopOffering);
            try
            {
                await Task.Delay(backoff * (0.5 + Random.Shared.NextDouble()), waiting.Token);
            }
            catch (OperationCanceledException) when (stopOffering.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                // Stopped: nothing more is sent.
            }
        }
        return new ImportResult(total, Stopwatch.GetElapsedTime(start), tally.Accepted, source.Resent, streams, tally.Rejected, tally.FirstRejection, streamEnds);
    }

    private async Task StreamAsync(Source source, Tally tally, List<SubmitContactRequest> shed, CancellationToken cancellationToken)
    {
        // Written but not yet answered, in order: what goes again if the stream ends early.
        var written = new ConcurrentQueue<SubmitContactRequest>();
        try
        {
            if (rpc == ImportRpc.SubmitContacts)
            {
                using var call = clients.Next().SubmitContacts(IntakeClients.Credentials, cancellationToken: cancellationToken);
                await DuplexAsync(call, async () =>
                {
                    while (source.TryNext(out var request))
                    {
                        written.Enqueue(request);
                        await call.RequestStream.WriteAsync(request, cancellationToken);
                    }
                    await call.RequestStream.CompleteAsync();
                }, async () =>
                {
                    await foreach (var result in call.ResponseStream.ReadAllAsync(cancellationToken))
                    {
                        tally.Add(result, written, shed, acknowledgements);
                    }
                });
            }
            else
            {
                using var call = clients.Next().SubmitContactBatches(IntakeClients.Credentials, cancellationToken: cancellationToken);
                await DuplexAsync(call, async () =>
                {
                    var batch = new SubmitContactBatch();
                    var more = true;
                    while (more)
                    {
                        if (source.TryNext(out var request))
                        {
                            written.Enqueue(request);
                            batch.Contacts.Add(request);
                        }
                        else
                        {
                            more = false;
                        }
                        if (batch.Contacts.Count == batchSize || (!more && batch.Contacts.Count > 0))
                        {
                            await call.RequestStream.WriteAsync(batch, cancellationToken);
                            batch = new SubmitContactBatch();
                        }
                    }
                    await call.RequestStream.CompleteAsync();
                }, async () =>
                {
                    await foreach (var results in call.ResponseStream.ReadAllAsync(cancellationToken))
                    {
                        foreach (var result in results.Results)
                        {
                            tally.Add(result, written, shed, acknowledgements);
                        }
                    }
                });
            }
        }
        finally
        {
            // Whatever was written and not answered was not acknowledged: it goes again.
            shed.AddRange(written);
        }
    }

    /// <summary>
    /// Writes on one task while reading on this one. If reading fails, the call is ended and the
    /// writer awaited before the failure goes on, so no contact it took is still on its way when
    /// the unanswered ones are counted.
    /// </summary>
    private static async Task DuplexAsync(IDisposable call, Func<Task> write, Func<Task> read)
    {
        var writer = Task.Run(write);
        try
        {
            await read();
        }
        catch
        {
            call.Dispose();
            try
            {
                await writer;
            }
            catch (Exception e) when (e is RpcException or InvalidOperationException or OperationCanceledException)
            {
                // The writer fails because the call ended; the reader's failure says why.
            }
            throw;
        }
        await writer;
    }

    /// <summary>The import's contacts: those to send again first, then new ones until the import's size is reached, or until stopped.</summary>
    private sealed class Source(ContactSource contacts, int total, CancellationToken stop)
    {
        private readonly ConcurrentQueue<SubmitContactRequest> again = new();
        private int created;
        private long resent;

        public bool HasMore => !stop.IsCancellationRequested && (!again.IsEmpty || created < total);

        public long Resent => resent;

        public bool TryNext([MaybeNullWhen(false)] out SubmitContactRequest request)
        {
            if (stop.IsCancellationRequested)
            {
                request = null;
                return false;
            }
            if (again.TryDequeue(out var unanswered))
            {
                resent++;
                request = unanswered;
                return true;
            }
            if (created < total)
            {
                created++;
                request = contacts.Next();
                return true;
            }
            request = null;
            return false;
        }

        public void Resend(List<SubmitContactRequest> requests)
        {
            foreach (var request in requests)
            {
                again.Enqueue(request);
            }
            requests.Clear();
        }
    }

    /// <summary>The results of every stream of one import.</summary>
    private sealed class Tally
    {
        public long Accepted { get; private set; }

        public long Rejected { get; private set; }

        public string? FirstRejection { get; private set; }

        /// <summary>Counts a result, which must answer the oldest contact written and not yet answered.</summary>
        public void Add(SubmitContactResult result, ConcurrentQueue<SubmitContactRequest> written, List<SubmitContactRequest> shed, Acknowledgements acknowledgements)
        {
            if (!written.TryDequeue(out var request) || result.RequestId != request.RequestId)
            {
                throw new InvalidDataException($"A result answers request '{result.RequestId}', not '{request?.RequestId}'.");
            }
            if (result.ResultCase == SubmitContactResult.ResultOneofCase.Accepted)
            {
                acknowledgements.Record(result.Accepted.ContactId);
                Accepted++;
            }
            else if (CallTally.IsShedding((StatusCode)result.Rejected.Code))
            {
                shed.Add(request);
            }
            else
            {
                Rejected++;
                FirstRejection ??= $"{result.RequestId}: {CallTally.Name((StatusCode)result.Rejected.Code)} {result.Rejected.Message}";
            }
        }
    }
}
