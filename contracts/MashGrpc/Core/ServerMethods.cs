namespace MashGrpc.Core;

// The four handler shapes, as a server sees them once bound to a service instance.
public delegate Task<TResponse> UnaryServerMethod<in TRequest, TResponse>(TRequest request, ServerCallContext context);
public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context);
public delegate Task ServerStreamingServerMethod<in TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
public delegate Task DuplexStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);

// The same shapes before binding: the generated BindService passes these, and the server picks the instance per call.
public delegate Task<TResponse> UnaryServerMethod<in TService, in TRequest, TResponse>(TService service, TRequest request, ServerCallContext context);
public delegate Task<TResponse> ClientStreamingServerMethod<in TService, TRequest, TResponse>(TService service, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context);
public delegate Task ServerStreamingServerMethod<in TService, in TRequest, TResponse>(TService service, TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
public delegate Task DuplexStreamingServerMethod<in TService, TRequest, TResponse>(TService service, IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context);
