using System.Collections.Concurrent;
using System.Threading.Channels;
using Mash.Contracts.Intake.V1;
using Grpc.Core;

namespace Mash.Intake.Reliability.Tests.Infrastructure;

/// <summary>A failed SubmitContact attempt: the worker retries the same request id.</summary>
public sealed record Failure(string RequestId, StatusCode Code, string Detail);

/// <summary>
/// Concurrent SubmitContact calls, as busy agencies make them: <see cref="Release"/> hands the
/// workers new contacts (each with a request id of its own), and every worker retries its contact
/// with the SAME request id until Intake acknowledges it, however often it fails (Intake down,
/// the database down). So every contact released is eventually acknowledged, once the scenario
/// has put things right. Counts, not clocks, drive the scenarios: <see cref="WhenAcknowledged"/>
/// and <see cref="WhenFailed"/> complete the moment the count is reached.
/// </summary>
public sealed class SubmissionLoad
{
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(50);

    private readonly IntakeService.IntakeServiceClient client;
    private readonly Metadata credentials;
    private readonly Channel<SubmitContactRequest> pending = Channel.CreateUnbounded<SubmitContactRequest>();
    private readonly ConcurrentDictionary<string, string> acknowledged = new();
    private readonly ConcurrentDictionary<string, int> attempts = new();
    private readonly ConcurrentQueue<Failure> failures = new();
    private readonly Lock sync = new();
    private readonly List<(int Count, bool OfFailures, TaskCompletionSource Reached)> waiters = [];
    private readonly CancellationTokenSource abandoned = new();
    private readonly Task[] workers;
    private int released;
    private int acknowledgements;
    private int failureCount;

    public SubmissionLoad(IntakeService.IntakeServiceClient client, string agencyToken, int workerCount)
    {
        this.client = client;
        credentials = new Metadata { { "authorization", $"Bearer {agencyToken}" } };
        workers = [.. Enumerable.Range(0, workerCount).Select(_ => Task.Run(WorkAsync))];
    }

    public int Released => released;
    public int Acknowledgements => Volatile.Read(ref acknowledgements);
    public int FailureCount => Volatile.Read(ref failureCount);

    /// <summary>Request id → the contact id Intake acknowledged it with.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => acknowledged;

    public IReadOnlyList<Failure> Failures => [.. failures];

    /// <summary>Request ids Intake acknowledged only after at least one failed attempt.</summary>
    public IReadOnlyList<string> Retried => [.. attempts.Where(a => a.Value > 1).Select(a => a.Key)];

    /// <summary>Hands the workers <paramref name="count"/> new contacts.</summary>
    public void Release(int count)
    {
        for (var i = 0; i < count; i++)
        {
            pending.Writer.TryWrite(ReliabilityContacts.Request(Interlocked.Increment(ref released)));
        }
    }

    /// <summary>Completes once <paramref name="count"/> contacts in all have been acknowledged.</summary>
    public Task WhenAcknowledged(int count) => When(count, ofFailures: false);

    /// <summary>Completes once <paramref name="count"/> attempts in all have failed.</summary>
    public Task WhenFailed(int count) => When(count, ofFailures: true);

    /// <summary>No more contacts: waits for every worker to have its last one acknowledged.</summary>
    public Task CompleteAsync()
    {
        pending.Writer.TryComplete();
        return Task.WhenAll(workers);
    }

    /// <summary>Submits each acknowledged request again, as a client unsure of the first answer would; returns request id → the contact id this answer gave.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ResubmitAcknowledgedAsync(IEnumerable<SubmitContactRequest> requests)
    {
        var answers = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = workers.Length }, async (request, _) =>
        {
            var response = await client.SubmitContactAsync(request, credentials, DateTime.UtcNow + CallDeadline).ResponseAsync;
            answers[request.RequestId] = response.ContactId;
        });
        return answers;
    }

    /// <summary>Every request released so far, for <see cref="ResubmitAcknowledgedAsync"/>.</summary>
    public IReadOnlyList<SubmitContactRequest> Requests => [.. requests.Values];

    private readonly ConcurrentDictionary<string, SubmitContactRequest> requests = new();

    /// <summary>Stops every worker where it is (a failed test's clean-up): nothing is retried any more.</summary>
    public async Task AbandonAsync()
    {
        await abandoned.CancelAsync();
        pending.Writer.TryComplete();
        await Task.WhenAll(workers.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
    }

    private async Task WorkAsync()
    {
        await foreach (var request in pending.Reader.ReadAllAsync())
        {
            requests[request.RequestId] = request;
            while (!abandoned.IsCancellationRequested)
            {
                attempts.AddOrUpdate(request.RequestId, 1, (_, n) => n + 1);
                try
                {
                    var response = await client.SubmitContactAsync(request, credentials, DateTime.UtcNow + CallDeadline, abandoned.Token).ResponseAsync;
                    acknowledged[request.RequestId] = response.ContactId;
                    Count(ref acknowledgements, ofFailures: false);
                    break;
                }
                catch (RpcException failed) when (!abandoned.IsCancellationRequested)
                {
                    failures.Enqueue(new Failure(request.RequestId, failed.StatusCode, failed.Status.Detail));
                    Count(ref failureCount, ofFailures: true);
                    await Task.Delay(RetryPause);
                }
                catch (Exception) when (abandoned.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private void Count(ref int counter, bool ofFailures)
    {
        var now = Interlocked.Increment(ref counter);
        lock (sync)
        {
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].OfFailures == ofFailures && now >= waiters[i].Count)
                {
                    waiters[i].Reached.TrySetResult();
                    waiters.RemoveAt(i);
                }
            }
        }
    }

    private Task When(int count, bool ofFailures)
    {
        lock (sync)
        {
            if ((ofFailures ? FailureCount : Acknowledgements) >= count)
            {
                return Task.CompletedTask;
            }
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, ofFailures, reached));
            return reached.Task;
        }
    }
}
