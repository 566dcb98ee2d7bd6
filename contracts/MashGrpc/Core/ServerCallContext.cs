namespace MashGrpc.Core;

/// <summary>What a handler knows about the call it is serving.</summary>
public abstract class ServerCallContext
{
    private Dictionary<object, object>? userState;

    public abstract string Method { get; }
    public abstract string Host { get; }
    public abstract string Peer { get; }

    /// <summary>When the client gives up; <see cref="DateTime.MaxValue"/> when it set no deadline.</summary>
    public abstract DateTime Deadline { get; }

    public abstract Metadata RequestHeaders { get; }

    /// <summary>Cancelled when the client cancels, the deadline passes or the connection drops.</summary>
    public abstract CancellationToken CancellationToken { get; }

    public abstract Metadata ResponseTrailers { get; }
    public abstract Status Status { get; set; }

    /// <summary>A place for interceptors to leave things for handlers (the caller's identity, say).</summary>
    public IDictionary<object, object> UserState => userState ??= [];

    /// <summary>Sends the response headers now; at most once, before the first message.</summary>
    public abstract Task WriteResponseHeadersAsync(Metadata responseHeaders);
}
