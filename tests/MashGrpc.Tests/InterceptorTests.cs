using System.Collections.Concurrent;
using MashGrpc.Core;
using MashGrpc.Core.Interceptors;
using MashGrpc.Server;
using MashGrpc.Tests.Echo;
using MashGrpc.Tests.Probe;
using Microsoft.Extensions.DependencyInjection;

namespace MashGrpc.Tests;

/// <summary>Server interceptors: every call shape goes through them, in registration order, and they can stop or enrich a call.</summary>
public sealed class InterceptorTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Interceptor_sees_every_call_shape()
    {
        await using var server = await TestServer.StartAsync(
            configure: o => o.AddInterceptor<ShapeRecordingInterceptor>(),
            services: s => s.AddSingleton<InterceptorLog>());
        var log = server.Services.GetRequiredService<InterceptorLog>();
        var client = server.CreateClient();

        await CallAllFourShapesAsync(client, new Metadata());

        Assert.Equal(
            ["Unary /mashgrpc.test.Echo/Unary", "ServerStreaming /mashgrpc.test.Echo/ServerStream",
             "ClientStreaming /mashgrpc.test.Echo/ClientStream", "DuplexStreaming /mashgrpc.test.Echo/Duplex"],
            log.Entries);
    }

    [Fact]
    public async Task Interceptor_rejects_calls_without_authorization_before_any_handler_runs()
    {
        await using var server = await TestServer.StartAsync(configure: o => o.AddInterceptor<AuthorizationInterceptor>());
        var client = server.CreateClient();

        var unary = await Assert.ThrowsAsync<RpcException>(() => client.UnaryAsync(new EchoRequest { Text = "u" }).ResponseAsync.WaitAsync(HangGuard));
        using var serverStream = client.ServerStream(new EchoRequest { Text = "s", Repeat = 2 });
        var streaming = await Assert.ThrowsAsync<RpcException>(() => serverStream.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        using var clientStream = client.ClientStream();
        var clientStreaming = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await clientStream.RequestStream.WriteAsync(new EchoRequest { Text = "c" });
            await clientStream.RequestStream.CompleteAsync();
            await clientStream.ResponseAsync.WaitAsync(HangGuard);
        });
        using var duplex = client.Duplex();
        var duplexStreaming = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await duplex.RequestStream.WriteAsync(new EchoRequest { Text = "d" });
            await duplex.RequestStream.CompleteAsync();
            await duplex.ResponseStream.MoveNext(default).WaitAsync(HangGuard);
        });

        Assert.All([unary, streaming, clientStreaming, duplexStreaming], ex =>
        {
            Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
            Assert.Equal("an authorization header is required", ex.Status.Detail);
        });
        Assert.Empty(server.Log.Calls);
    }

    [Fact]
    public async Task Interceptor_lets_authorized_calls_through()
    {
        await using var server = await TestServer.StartAsync(configure: o => o.AddInterceptor<AuthorizationInterceptor>());
        var client = server.CreateClient();

        await CallAllFourShapesAsync(client, new Metadata { { "authorization", "Bearer good" } });

        Assert.Equal(4, server.Log.Calls.Count);
    }

    [Fact]
    public async Task Interceptor_passes_user_state_to_the_handler()
    {
        await using var server = await TestServer.StartAsync(
            configure: o => o.AddInterceptor<AuthorizationInterceptor>(),
            map: app => app.MapGrpcService<ProbeService>());
        using var channel = server.CreateChannel();
        var client = new Probe.Probe.ProbeClient(channel);

        var reply = await client.InspectAsync(new ProbeRequest(), new Metadata { { "authorization", "Bearer alice" } }).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal("user:Bearer alice", reply.UserState);
    }

    [Fact]
    public async Task Interceptors_run_in_registration_order_first_outermost()
    {
        await using var server = await TestServer.StartAsync(
            configure: o =>
            {
                o.AddInterceptor<OuterInterceptor>();
                o.AddInterceptor<InnerInterceptor>();
            },
            services: s => s.AddSingleton<InterceptorLog>());
        var log = server.Services.GetRequiredService<InterceptorLog>();
        var client = server.CreateClient();

        await client.UnaryAsync(new EchoRequest { Text = "x" }).ResponseAsync.WaitAsync(HangGuard);
        using var stream = client.ServerStream(new EchoRequest { Text = "y", Repeat = 1 });
        while (await stream.ResponseStream.MoveNext(default).WaitAsync(HangGuard)) { }

        Assert.Equal(["outer>", "inner>", "<inner", "<outer", "outer>", "inner>", "<inner", "<outer"], log.Entries);
    }

    private static async Task CallAllFourShapesAsync(Echo.Echo.EchoClient client, Metadata headers)
    {
        Assert.Equal("u", (await client.UnaryAsync(new EchoRequest { Text = "u" }, headers).ResponseAsync.WaitAsync(HangGuard)).Text);

        using var serverStream = client.ServerStream(new EchoRequest { Text = "s", Repeat = 2 }, headers);
        var count = 0;
        while (await serverStream.ResponseStream.MoveNext(default).WaitAsync(HangGuard))
        {
            count++;
        }
        Assert.Equal(2, count);

        using var clientStream = client.ClientStream(headers);
        await clientStream.RequestStream.WriteAsync(new EchoRequest { Text = "c" });
        await clientStream.RequestStream.CompleteAsync();
        Assert.Equal("c", (await clientStream.ResponseAsync.WaitAsync(HangGuard)).Text);

        using var duplex = client.Duplex(headers);
        await duplex.RequestStream.WriteAsync(new EchoRequest { Text = "d" });
        Assert.True(await duplex.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        await duplex.RequestStream.CompleteAsync();
        Assert.False(await duplex.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
    }
}

/// <summary>What the test interceptors saw, in order.</summary>
public sealed class InterceptorLog
{
    private readonly ConcurrentQueue<string> entries = new();

    public IReadOnlyList<string> Entries => [.. entries];

    public void Add(string entry) => entries.Enqueue(entry);
}

public sealed class ShapeRecordingInterceptor(InterceptorLog log) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        log.Add($"Unary {context.Method}");
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        log.Add($"ClientStreaming {context.Method}");
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        log.Add($"ServerStreaming {context.Method}");
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        log.Add($"DuplexStreaming {context.Method}");
        return continuation(requestStream, responseStream, context);
    }
}

/// <summary>Refuses calls without an <c>authorization</c> header; leaves the caller in UserState for the handler.</summary>
public sealed class AuthorizationInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void Authorize(ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue("authorization")
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "an authorization header is required"));
        context.UserState[ProbeService.UserStateKey] = $"user:{authorization}";
    }
}

public sealed class OuterInterceptor(InterceptorLog log) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        log.Add("outer>");
        var response = await continuation(request, context);
        log.Add("<outer");
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        log.Add("outer>");
        await continuation(request, responseStream, context);
        log.Add("<outer");
    }
}

public sealed class InnerInterceptor(InterceptorLog log) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        log.Add("inner>");
        var response = await continuation(request, context);
        log.Add("<inner");
        return response;
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        log.Add("inner>");
        await continuation(request, responseStream, context);
        log.Add("<inner");
    }
}
