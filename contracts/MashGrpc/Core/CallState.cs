namespace MashGrpc.Core;

/// <summary>What every client call exposes besides its messages: headers, status, trailers, disposal.</summary>
/// <remarks>The headers are a function so a call builds their metadata only if someone asks for it.</remarks>
public sealed class CallState(Func<Task<Metadata>> responseHeadersAsync, Func<Status> getStatus, Func<Metadata> getTrailers, Action dispose)
{
    public Task<Metadata> ResponseHeadersAsync => responseHeadersAsync();
    public Status GetStatus() => getStatus();
    public Metadata GetTrailers() => getTrailers();
    public void Dispose() => dispose();
}
