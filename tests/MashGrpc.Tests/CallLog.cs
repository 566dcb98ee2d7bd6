using System.Collections.Concurrent;
using MashGrpc.Core;

namespace MashGrpc.Tests;

/// <summary>What the server saw: the calls' contexts, and which handlers saw their token cancelled.</summary>
public sealed class CallLog
{
    public ConcurrentQueue<ServerCallContext> Calls { get; } = new();
    public ConcurrentQueue<string> CancelledMethods { get; } = new();

    public void Record(ServerCallContext context) => Calls.Enqueue(context);

    public void Cancelled(ServerCallContext context) => CancelledMethods.Enqueue(context.Method);

    public async Task<bool> WaitForCancellationAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (CancelledMethods.IsEmpty && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }
        return !CancelledMethods.IsEmpty;
    }
}
