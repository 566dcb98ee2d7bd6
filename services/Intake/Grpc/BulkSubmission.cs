using System.Threading.Channels;
using Mash.Contracts.Intake.V1;
using Grpc.Core;

namespace Mash.Intake.Grpc;

/// <summary>
/// SubmitContacts' pipeline: items are read and submitted without waiting for each other's commits
/// (so a stream's contacts share group commits), and answered in their order as their commits
/// complete. At most <see cref="MaxInFlight"/> items of one stream wait at once, so a fast sender is
/// slowed to the database's pace rather than buffered without limit.
/// </summary>
public static class BulkSubmission
{
    public const int MaxInFlight = 2000;

    private static readonly WriteOptions BufferWhileMoreAreReady = new(WriteFlags.BufferHint);

    public static async Task RunAsync(
        IAsyncStreamReader<SubmitContactRequest> requests, IServerStreamWriter<SubmitContactResult> results,
        Func<SubmitContactRequest, Task<SubmitContactResponse>> submit, CancellationToken cancellationToken)
    {
        var inFlight = Channel.CreateBounded<(string RequestId, Task<SubmitContactResponse> Answer)>(MaxInFlight);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answering = AnswerInOrderAsync(inFlight.Reader, results, failed);
        try
        {
            while (await requests.MoveNext(failed.Token))
            {
                var request = requests.Current;
                await inFlight.Writer.WriteAsync((request.RequestId, submit(request)), failed.Token);
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
    /// An item SubmitContact would refuse (INVALID_ARGUMENT, PERMISSION_DENIED) is answered with that
    /// refusal and the rest go on; any other failure (the database unavailable) ends the call, leaving
    /// the items after it unanswered and so, to the client, unacknowledged.
    /// </summary>
    private static async Task AnswerInOrderAsync(
        ChannelReader<(string RequestId, Task<SubmitContactResponse> Answer)> inFlight, IServerStreamWriter<SubmitContactResult> results,
        CancellationTokenSource failed)
    {
        try
        {
            await foreach (var (requestId, answer) in inFlight.ReadAllAsync(failed.Token))
            {
                var result = new SubmitContactResult { RequestId = requestId };
                try
                {
                    result.Accepted = await answer;
                }
                catch (RpcException refused) when (ContactRejections.IsRejection(refused))
                {
                    result.Rejected = ContactRejections.From(refused);
                }
                // While the next answer is ready too, this one waits to go out with it: under a bulk
                // import results leave a batch per frame rather than a frame (and syscall) each.
                results.WriteOptions = NextIsReady(inFlight) ? BufferWhileMoreAreReady : null;
                await results.WriteAsync(result, failed.Token);
            }
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    }

    private static bool NextIsReady(ChannelReader<(string RequestId, Task<SubmitContactResponse> Answer)> inFlight) =>
        inFlight.TryPeek(out var next) && next.Answer.IsCompleted;
}
