using MashGrpc.Core;
using MashGrpc.Tests.Echo;

namespace MashGrpc.Tests;

/// <summary>The test service: echoes, streams, fails on request and records what it saw.</summary>
public sealed class EchoService(CallLog log) : Echo.Echo.EchoBase
{
    public override async Task<EchoReply> Unary(EchoRequest request, ServerCallContext context)
    {
        log.Record(context);
        await Act(request, context);
        if (request.Text == "headers")
        {
            // Lets a test see the request metadata as the handler sees it.
            return new EchoReply { Text = string.Join(",", context.RequestHeaders.Select(h => h.Key)) };
        }
        return new EchoReply { Text = request.Text, Payload = request.Payload };
    }

    public override async Task ServerStream(EchoRequest request, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        log.Record(context);
        for (var i = 0; i < request.Repeat; i++)
        {
            // "buffered": every write but the last hints that it may wait for the next one;
            // "buffered-all": every write does, so only the call's end sends them.
            var buffered = request.Text == "buffered-all" || (request.Text == "buffered" && i < request.Repeat - 1);
            responseStream.WriteOptions = buffered ? new WriteOptions(WriteFlags.BufferHint) : null;
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Index = i });
        }
        await Act(request, context);
    }

    public override async Task<EchoReply> ClientStream(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        log.Record(context);
        var texts = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            texts.Add(request.Text);
            await Act(request, context);
        }
        return new EchoReply { Text = string.Join(",", texts), Index = texts.Count };
    }

    public override async Task Duplex(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoReply> responseStream, ServerCallContext context)
    {
        log.Record(context);
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await Act(request, context);
            await responseStream.WriteAsync(new EchoReply { Text = request.Text, Index = index++ });
        }
    }

    private async Task Act(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs > 0)
        {
            try
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }
            catch (OperationCanceledException)
            {
                log.Cancelled(context);
                throw;
            }
        }
        if (request.FailWith != 0)
        {
            var trailers = new Metadata { { "x-reason", "asked-to-fail" } };
            throw new RpcException(new Status((StatusCode)request.FailWith, $"failed as asked: {request.Text}"), trailers);
        }
        if (request.Text == "throw-io")
        {
            throw new IOException("the handler's own disk is full");
        }
        if (request.Text == "throw")
        {
            throw new InvalidOperationException("secret internal detail");
        }
    }
}
