using System.Threading.Channels;
using Grpc.Core;
using Mash.Contracts.Common.V1;

namespace Mash.Importer.Replay;

/// <summary>
/// Packs the steps many children replay at the same moment into one call of a service's
/// many-steps-a-call RPC, so a step pays for a call, its credentials and its connection once a batch
/// (BENCHMARKS.md, "Importing a legacy year"). Each step's own answer comes back to its child as if it
/// had made the call alone: the id of what it made, or an <see cref="RpcException"/> with the step's
/// status, which <see cref="Settling"/> and the replay treat as they treat a call's. A child awaits
/// each step before sending its next, so a batch never holds two steps of one child.
/// </summary>
/// <param name="send">The call: one result per step, in order.</param>
/// <param name="callsAtOnce">Calls in flight at most; steps sent meanwhile gather for the next call.</param>
/// <param name="stepsPerCall">Steps a call at most.</param>
internal sealed class StepBatcher<TStep>(Func<IReadOnlyList<TStep>, CancellationToken, Task<ImportStepResults>> send, int callsAtOnce, int stepsPerCall)
{
    private readonly Channel<(TStep Step, TaskCompletionSource<string> Answer)> waiting =
        Channel.CreateUnbounded<(TStep, TaskCompletionSource<string>)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The step's answer: the id of what it made ("" if nothing with an id), or its status as an <see cref="RpcException"/>.</summary>
    public Task<string> TakeAsync(TStep step, CancellationToken cancellationToken)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!waiting.Writer.TryWrite((step, answer)))
        {
            answer.SetException(new InvalidOperationException("The replay has finished sending steps."));
        }
        return answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends the steps as they come until <see cref="Complete"/>, then until every step sent is answered.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var calls = new SemaphoreSlim(callsAtOnce);
        var inFlight = new List<Task>();
        while (await waiting.Reader.WaitToReadAsync(cancellationToken))
        {
            // Waiting for a free call first lets the steps sent meanwhile gather into this one.
            await calls.WaitAsync(cancellationToken);
            var batch = new List<(TStep Step, TaskCompletionSource<string> Answer)>();
            while (batch.Count < stepsPerCall && waiting.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(SendAsync(batch, calls, cancellationToken));
        }
        await Task.WhenAll(inFlight);
    }

    /// <summary>No more steps will be sent.</summary>
    public void Complete() => waiting.Writer.TryComplete();

    private async Task SendAsync(List<(TStep Step, TaskCompletionSource<string> Answer)> batch, SemaphoreSlim calls, CancellationToken cancellationToken)
    {
        try
        {
            var results = await send([.. batch.Select(b => b.Step)], cancellationToken);
            for (var i = 0; i < batch.Count; i++)
            {
                Answer(batch[i].Answer, i < results.Results.Count ? results.Results[i] : null);
            }
        }
        catch (Exception failed)
        {
            // The whole call failed (a service unavailable, busy, stopping): each step hears so, as if its own call had.
            batch.ForEach(b => b.Answer.TrySetException(failed));
        }
        finally
        {
            calls.Release();
        }
    }

    private static void Answer(TaskCompletionSource<string> answer, ImportStepResult? result)
    {
        if (result is null)
        {
            answer.SetException(new RpcException(new Status(StatusCode.Internal, "The service answered fewer steps than it was sent.")));
        }
        else if (result.Code == (int)StatusCode.OK)
        {
            answer.SetResult(result.RecordId);
        }
        else
        {
            answer.SetException(new RpcException(new Status((StatusCode)result.Code, result.Message)));
        }
    }
}
