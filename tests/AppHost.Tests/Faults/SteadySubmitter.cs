using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Grpc.Core;
using Mash.Contracts.Intake.V1;

namespace Mash.AppHost.Tests.Faults;

/// <summary>A contact Intake acknowledged: what was sent, the receipt, and when it came.</summary>
internal sealed record Receipt(SubmitContactRequest Request, string ContactId, DateTimeOffset AcknowledgedAt, int Attempts);

/// <summary>An answer that was neither a receipt nor transient: the contact was given up.</summary>
internal sealed record Refusal(string RequestId, StatusCode Code, string Detail);

/// <summary>
/// A steady stream of SubmitContact calls at up to <c>contactsPerSecond</c>, as a busy agency's
/// systems send them: <c>inFlight</c> calls at most, each contact retried with the same request id
/// (<see cref="Retrying"/>) until Intake acknowledges it. While Intake cannot keep up or is down,
/// new contacts wait rather than pile up, and the pace resumes without a burst. Every receipt is
/// kept.
/// </summary>
internal sealed class SteadySubmitter : IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly IntakeService.IntakeServiceClient client;
    private readonly Metadata credentials = new() { { "authorization", $"Bearer {FaultContacts.Token}" } };
    private readonly int contactsPerSecond;
    private readonly Channel<SubmitContactRequest> pending;
    private readonly ConcurrentDictionary<string, Receipt> receipts = new();
    private readonly ConcurrentQueue<Refusal> refusals = new();
    private readonly ConcurrentDictionary<string, int> transientFailures = new();
    private readonly CancellationTokenSource stopReleasing = new();
    private readonly CancellationTokenSource abandoned = new();
    private readonly Task pacer;
    private readonly Task[] workers;
    private int released;
    private long lastAcknowledgedTicks;

    public SteadySubmitter(IntakeService.IntakeServiceClient client, int contactsPerSecond, int inFlight)
    {
        this.client = client;
        this.contactsPerSecond = contactsPerSecond;
        pending = Channel.CreateBounded<SubmitContactRequest>(new BoundedChannelOptions(inFlight) { FullMode = BoundedChannelFullMode.Wait });
        workers = [.. Enumerable.Range(0, inFlight).Select(_ => Task.Run(WorkAsync))];
        pacer = Task.Run(PaceAsync);
    }

    public int Released => Volatile.Read(ref released);

    public int Acknowledgements => receipts.Count;

    /// <summary>Request id → receipt.</summary>
    public IReadOnlyDictionary<string, Receipt> Receipts => receipts;

    public IReadOnlyList<Refusal> Refusals => [.. refusals];

    /// <summary>Transient failures by status (and, for a broken connection, the exception's type), all retried.</summary>
    public IReadOnlyDictionary<string, int> TransientFailures => transientFailures;

    public DateTimeOffset? LastAcknowledgedAt => Interlocked.Read(ref lastAcknowledgedTicks) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>Completes once the count of acknowledged contacts reaches <paramref name="count"/>.</summary>
    public Task WhenAcknowledgedAsync(int count, CancellationToken cancellationToken) =>
        PollAsync(() => Acknowledgements >= count, cancellationToken);

    /// <summary>Completes with the time of the first acknowledgement later than <paramref name="after"/>.</summary>
    public async Task<DateTimeOffset> NextAcknowledgedAfterAsync(DateTimeOffset after, CancellationToken cancellationToken)
    {
        await PollAsync(() => LastAcknowledgedAt > after, cancellationToken);
        return receipts.Values.Where(r => r.AcknowledgedAt > after).Min(r => r.AcknowledgedAt);
    }

    /// <summary>No new contacts: completes once each contact under way has its answer.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopReleasing.CancelAsync();
        await pacer;
        await Task.WhenAll(workers).WaitAsync(cancellationToken);
    }

    /// <summary>Stops every call where it is (a failed run's clean-up).</summary>
    public async ValueTask DisposeAsync()
    {
        await stopReleasing.CancelAsync();
        await abandoned.CancelAsync();
        await Task.WhenAll([pacer, .. workers]).ContinueWith(_ => { }, TaskScheduler.Default);
        stopReleasing.Dispose();
        abandoned.Dispose();
    }

    public string Describe() =>
        $"released {Released}, acknowledged {Acknowledgements}, refused {refusals.Count}, transient failures retried: " +
        (transientFailures.IsEmpty ? "none" : string.Join(", ", transientFailures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} x{f.Value}")));

    // Releases contacts at the rate, a tick's worth at a time; a stall (every worker busy) is not made up afterwards.
    private async Task PaceAsync()
    {
        var clock = Stopwatch.StartNew();
        var credit = 0.0;
        var last = TimeSpan.Zero;
        using var timer = new PeriodicTimer(Tick);
        try
        {
            while (await timer.WaitForNextTickAsync(stopReleasing.Token))
            {
                var now = clock.Elapsed;
                credit = Math.Min(credit + (now - last).TotalSeconds * contactsPerSecond, Math.Max(2, contactsPerSecond * Tick.TotalSeconds * 2));
                last = now;
                for (; credit >= 1; credit--)
                {
                    // Counted once handed to a worker: a write cut short by the stop released nothing.
                    var number = released + 1;
                    await pending.Writer.WriteAsync(FaultContacts.Request(number), stopReleasing.Token);
                    Volatile.Write(ref released, number);
                }
            }
        }
        catch (OperationCanceledException) when (stopReleasing.IsCancellationRequested)
        {
            // Stopped.
        }
        finally
        {
            pending.Writer.TryComplete();
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var request in pending.Reader.ReadAllAsync())
        {
            for (var attempt = 1; !abandoned.IsCancellationRequested; attempt++)
            {
                try
                {
                    var receipt = await client.SubmitContactAsync(request, credentials, DateTime.UtcNow + Retrying.CallDeadline, abandoned.Token);
                    var now = DateTimeOffset.UtcNow;
                    receipts[request.RequestId] = new Receipt(request, receipt.ContactId, now, attempt);
                    RecordLatest(now);
                    break;
                }
                catch (Exception) when (abandoned.IsCancellationRequested)
                {
                    return;
                }
                catch (RpcException e) when (Retrying.IsTransient(e))
                {
                    var kind = e.Status.DebugException is { } cause ? $"{e.StatusCode} ({cause.GetType().Name})" : e.StatusCode.ToString();
                    transientFailures.AddOrUpdate(kind, 1, (_, n) => n + 1);
                    try
                    {
                        await Task.Delay(Retrying.Backoff(attempt - 1), abandoned.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
                catch (RpcException e)
                {
                    refusals.Enqueue(new Refusal(request.RequestId, e.StatusCode, e.Status.Detail));
                    break;
                }
            }
        }
    }

    private void RecordLatest(DateTimeOffset acknowledgedAt)
    {
        var latest = Interlocked.Read(ref lastAcknowledgedTicks);
        while (acknowledgedAt.UtcTicks > latest)
        {
            var seen = Interlocked.CompareExchange(ref lastAcknowledgedTicks, acknowledgedAt.UtcTicks, latest);
            if (seen == latest)
            {
                return;
            }
            latest = seen;
        }
    }

    private static async Task PollAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(50, cancellationToken);
        }
    }
}
