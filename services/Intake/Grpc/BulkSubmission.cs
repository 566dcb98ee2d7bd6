using System.Threading.Channels;
using System.Threading.RateLimiting;
using Mash.Contracts.Intake.V1;
using Grpc.Core;

namespace Mash.Intake.Grpc;

/// <summary>
/// The pipeline of SubmitContacts (a contact a message) and SubmitContactBatches (many a message):
/// messages are read and submitted without waiting for each other's commits (so a stream's contacts
/// share group commits), and answered in their order as their commits complete. At most
/// <see cref="MaxInFlight"/> contacts of one stream wait at once, so a fast sender is slowed to the
/// database's pace rather than buffered without limit.
/// </summary>
public static class BulkSubmission
{
    public const int MaxInFlight = 2000;

    /// <summary>Contacts in one SubmitContactBatch at most; no more than <see cref="MaxInFlight"/>.</summary>
    public const int MaxBatch = 1000;

    private static readonly WriteOptions BufferWhileMoreAreReady = new(WriteFlags.BufferHint);

    /// <summary>
    /// Reads <paramref name="requests"/> until they end, answering each with <paramref name="answer"/>
    /// in order. An answer that fails ends the call with its failure, after the answers before it;
    /// one that has failed already (a malformed message) also stops the reading, so nothing sent
    /// after it is stored unanswered.
    /// </summary>
    public static async Task RunAsync<TRequest, TAnswer>(
        IAsyncStreamReader<TRequest> requests, IServerStreamWriter<TAnswer> results,
        Func<TRequest, int> contactsIn, Func<TRequest, Task<TAnswer>> answer, CancellationToken cancellationToken)
    {
        using var budget = new ConcurrencyLimiter(new() { PermitLimit = MaxInFlight, QueueLimit = MaxInFlight });
        var inFlight = Channel.CreateUnbounded<(Task<TAnswer> Answer, RateLimitLease Lease)>(new() { SingleReader = true, SingleWriter = true });
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answering = AnswerInOrderAsync(inFlight.Reader, results, failed);
        try
        {
            while (await requests.MoveNext(failed.Token))
            {
                var request = requests.Current;
                var lease = await budget.AcquireAsync(Math.Clamp(contactsIn(request), 1, MaxInFlight), failed.Token);
                var answered = answer(request);
                inFlight.Writer.TryWrite((answered, lease));
                if (answered.IsFaulted)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Answering failed; its exception ends the call below.
        }
        catch
        {
            // Reading failed: stop answering, so nothing is written after the call has ended.
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            inFlight.Writer.TryComplete();
        }
        await answering;
    }

    /// <summary>
    /// One contact's result: accepted, or refused as SubmitContact would refuse it (INVALID_ARGUMENT,
    /// PERMISSION_DENIED, FAILED_PRECONDITION) while the rest go on. Any other failure (the database unavailable) is thrown,
    /// and ends the call, leaving the contacts after it unanswered and so, to the client, unacknowledged.
    /// </summary>
    public static async Task<SubmitContactResult> ResultOfAsync(SubmitContactRequest request, Func<SubmitContactRequest, Task<SubmitContactResponse>> submit)
    {
        var result = new SubmitContactResult { RequestId = request.RequestId };
        try
        {
            result.Accepted = await submit(request);
        }
        catch (RpcException refused) when (ContactRejections.IsRejection(refused))
        {
            result.Rejected = ContactRejections.From(refused);
        }
        return result;
    }

    private static async Task AnswerInOrderAsync<TAnswer>(
        ChannelReader<(Task<TAnswer> Answer, RateLimitLease Lease)> inFlight, IServerStreamWriter<TAnswer> results, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var (answer, lease) in inFlight.ReadAllAsync(failed.Token))
            {
                using (lease)
                {
                    var result = await answer;
                    // While the next answer is ready too, this one waits to go out with it: under a bulk
                    // import results leave many per frame rather than a frame (and syscall) each.
                    results.WriteOptions = inFlight.TryPeek(out var next) && next.Answer.IsCompleted ? BufferWhileMoreAreReady : null;
                    await results.WriteAsync(result, failed.Token);
                }
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }
}
