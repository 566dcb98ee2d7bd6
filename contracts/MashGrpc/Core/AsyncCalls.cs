using System.Runtime.CompilerServices;

namespace MashGrpc.Core;

/// <summary>
/// A client call in progress. Status and trailers are readable once the call has ended;
/// disposing a call that has not ended cancels it.
/// </summary>
public abstract class AsyncCall(CallState state) : IDisposable
{
    /// <summary>Completes when the server's response headers arrive.</summary>
    public Task<Metadata> ResponseHeadersAsync => state.ResponseHeadersAsync;
    public Status GetStatus() => state.GetStatus();
    public Metadata GetTrailers() => state.GetTrailers();

    public void Dispose()
    {
        state.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class AsyncUnaryCall<TResponse>(Task<TResponse> responseAsync, CallState state) : AsyncCall(state)
{
    public Task<TResponse> ResponseAsync { get; } = responseAsync;
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

public sealed class AsyncServerStreamingCall<TResponse>(IAsyncStreamReader<TResponse> responseStream, CallState state) : AsyncCall(state)
{
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;
}

public sealed class AsyncClientStreamingCall<TRequest, TResponse>(
    IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, CallState state) : AsyncCall(state)
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;
    public Task<TResponse> ResponseAsync { get; } = responseAsync;
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}

public sealed class AsyncDuplexStreamingCall<TRequest, TResponse>(
    IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, CallState state) : AsyncCall(state)
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;
}
