using Microsoft.CodeAnalysis;

namespace MashGrpc.Generator.Tests;

/// <summary>
/// A minimal stand-in for the MashGrpc.Core runtime: exactly the types and members the generated code
/// uses, with Grpc.Core-like signatures, so the generated code can be compiled in the tests.
/// </summary>
internal static class CoreStub
{
    public const string Source = """
        #nullable enable
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Google.Protobuf;
        using Google.Protobuf.Reflection;

        namespace MashGrpc.Core
        {
            public enum MethodType { Unary, ClientStreaming, ServerStreaming, DuplexStreaming }

            public enum StatusCode { OK = 0, Unimplemented = 12 }

            public readonly struct Status
            {
                public Status(StatusCode statusCode, string detail) { StatusCode = statusCode; Detail = detail; }
                public StatusCode StatusCode { get; }
                public string Detail { get; }
            }

            public sealed class RpcException : Exception
            {
                public RpcException(Status status) { Status = status; }
                public Status Status { get; }
            }

            public sealed class Marshaller<T> { }

            public static class Marshallers
            {
                public static Marshaller<T> Create<T>(MessageParser<T> parser) where T : IMessage<T> => new();
            }

            public sealed class Method<TRequest, TResponse>
            {
                public Method(MethodType type, string serviceName, string name, Marshaller<TRequest> requestMarshaller, Marshaller<TResponse> responseMarshaller) { }
            }

            [AttributeUsage(AttributeTargets.Class)]
            public sealed class BindServiceMethodAttribute : Attribute
            {
                public BindServiceMethodAttribute(Type bindType, string bindMethodName) { }
            }

            public abstract class ServerCallContext { }

            public interface IAsyncStreamReader<out T>
            {
                T Current { get; }
                Task<bool> MoveNext(CancellationToken cancellationToken);
            }

            public interface IAsyncStreamWriter<in T> { Task WriteAsync(T message); }

            public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T> { }

            public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T> { Task CompleteAsync(); }

            public abstract class ServiceBinder<TService> where TService : class
            {
                public abstract void AddServiceDescriptor(ServiceDescriptor descriptor);
                public abstract void AddUnaryMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, ServerCallContext, Task<TResponse>> handler) where TRequest : class where TResponse : class;
                public abstract void AddClientStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, ServerCallContext, Task<TResponse>> handler) where TRequest : class where TResponse : class;
                public abstract void AddServerStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) where TRequest : class where TResponse : class;
                public abstract void AddDuplexStreamingMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, Func<TService, IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) where TRequest : class where TResponse : class;
            }

            public sealed class Metadata { }

            public readonly struct CallOptions
            {
                public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default) { }
            }

            public sealed class AsyncUnaryCall<TResponse> { }
            public sealed class AsyncServerStreamingCall<TResponse> { }
            public sealed class AsyncClientStreamingCall<TRequest, TResponse> { }
            public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> { }

            public abstract class ChannelBase
            {
                public abstract CallInvoker CreateCallInvoker();
            }

            public abstract class CallInvoker
            {
                public abstract TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) where TRequest : class where TResponse : class;
                public abstract AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) where TRequest : class where TResponse : class;
                public abstract AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) where TRequest : class where TResponse : class;
                public abstract AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) where TRequest : class where TResponse : class;
                public abstract AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) where TRequest : class where TResponse : class;
            }

            public abstract class ClientBase
            {
                protected ClientBase(ChannelBase channel) : this(channel.CreateCallInvoker()) { }
                protected ClientBase(CallInvoker callInvoker) { CallInvoker = callInvoker; }
                protected CallInvoker CallInvoker { get; }
            }
        }
        """;

    public static SyntaxTree Tree() => GeneratorHarness.Tree(Source, "MashGrpc.Core.Stub.cs");
}
