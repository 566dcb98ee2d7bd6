using MashGrpc.Core.Interceptors;
using MashGrpc.Internal;

namespace MashGrpc.Server;

/// <summary>Server settings, as Grpc.AspNetCore names them.</summary>
public sealed class GrpcServiceOptions
{
    /// <summary>Larger requests fail with RESOURCE_EXHAUSTED; default 4 MB, null for no limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxReceiveMessageSize;

    public int? MaxSendMessageSize { get; set; }

    /// <summary>Sends handler exception messages to clients; off by default so internals never leak.</summary>
    public bool EnableDetailedErrors { get; set; }

    /// <summary>Run around every handler, first added outermost; resolved from DI per call.</summary>
    public IList<Type> Interceptors { get; } = [];

    public void AddInterceptor<TInterceptor>() where TInterceptor : Interceptor => Interceptors.Add(typeof(TInterceptor));
}
