using System.Collections.Concurrent;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>
/// What Intake's handlers saw, recorded by a server interceptor around them: each call's deadline,
/// and when the handler ended, whether its cancellation token had fired. The interceptor hands the
/// handler the very context it records, so what it sees is what the handler saw.
/// </summary>
internal sealed class HandlerLog
{
    private readonly ConcurrentQueue<HandledCall> calls = new();

    public IReadOnlyList<HandledCall> Calls => [.. calls];

    /// <summary>Registers the log and its interceptor with a server (<see cref="IntakeServer.StartAsync"/>'s configure).</summary>
    public void AddTo(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(this);
        builder.Services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<Recorder>());
    }

    /// <summary>The one call of <paramref name="method"/> (its name, e.g. "WatchContact").</summary>
    public HandledCall Single(string method) => Assert.Single(calls, c => c.Method.EndsWith($"/{method}", StringComparison.Ordinal));

    private sealed class Recorder(HandlerLog log) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            var call = log.Begin(context);
            try
            {
                return await continuation(request, context);
            }
            finally
            {
                call.End(context);
            }
        }

        public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            var call = log.Begin(context);
            try
            {
                await continuation(request, responseStream, context);
            }
            finally
            {
                call.End(context);
            }
        }
    }

    private HandledCall Begin(ServerCallContext context)
    {
        var call = new HandledCall(context.Method, context.Deadline);
        calls.Enqueue(call);
        return call;
    }
}

/// <summary>One call as its handler saw it.</summary>
internal sealed class HandledCall(string method, DateTime deadline)
{
    private readonly TaskCompletionSource<bool> ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Method => method;

    /// <summary><see cref="ServerCallContext.Deadline"/> (UTC; <see cref="DateTime.MaxValue"/> without one).</summary>
    public DateTime Deadline => deadline;

    /// <summary>Completes when the handler has returned or thrown: whether its token had been cancelled by then.</summary>
    public Task<bool> EndedCancelled => ended.Task;

    internal void End(ServerCallContext context) => ended.TrySetResult(context.CancellationToken.IsCancellationRequested);
}
