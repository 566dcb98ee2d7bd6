namespace MashGrpc.Core;

/// <summary>What every client call exposes besides its messages: headers, status, trailers, disposal.</summary>
public sealed class CallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
{
    public Task<Metadata> ResponseHeadersAsync { get; } = responseHeadersAsync;
    public Status GetStatus() => getStatus();
    public Metadata GetTrailers() => getTrailers();
    public void Dispose() => dispose();
}
