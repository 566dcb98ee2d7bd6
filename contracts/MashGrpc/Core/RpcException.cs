namespace MashGrpc.Core;

/// <summary>
/// Thrown by handlers to end a call with a status, and by clients when a call ends without OK.
/// Trailers travel with the status (for example <c>grpc-status-details-bin</c>).
/// </summary>
public class RpcException(Status status, Metadata trailers, string message) : Exception(message)
{
    public RpcException(Status status) : this(status, Metadata.Empty, status.ToString()) { }
    public RpcException(Status status, string message) : this(status, Metadata.Empty, message) { }
    public RpcException(Status status, Metadata trailers) : this(status, trailers, status.ToString()) { }

    public Status Status { get; } = status;
    public StatusCode StatusCode => Status.StatusCode;
    public Metadata Trailers { get; } = trailers;
}
