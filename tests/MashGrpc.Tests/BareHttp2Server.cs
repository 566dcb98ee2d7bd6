using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Tests;

/// <summary>
/// Plain Kestrel speaking cleartext HTTP/2 and nothing of gRPC: every request goes to the test's
/// own <see cref="RequestDelegate"/>, so a test can answer a client exactly as it likes.
/// </summary>
public sealed class BareHttp2Server : IAsyncDisposable
{
    private readonly WebApplication app;

    private BareHttp2Server(WebApplication app)
    {
        this.app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    /// <summary>The request headers of every request that reached the server, in arrival order.</summary>
    public ConcurrentQueue<IHeaderDictionary> Requests { get; } = new();

    public static async Task<BareHttp2Server> StartAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        BareHttp2Server? server = null;
        app.Run(async context =>
        {
            var copy = new HeaderDictionary(); // case-insensitive, as header names are
            foreach (var (name, value) in context.Request.Headers)
            {
                copy[name] = value;
            }
            server!.Requests.Enqueue(copy);
            await handler(context);
        });
        await app.StartAsync();
        server = new BareHttp2Server(app);
        return server;
    }

    /// <summary>A gRPC length-prefixed, uncompressed message.</summary>
    public static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
