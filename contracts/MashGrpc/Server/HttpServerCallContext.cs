using System.Net.Sockets;
using MashGrpc.Core;
using MashGrpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MashGrpc.Server;

/// <summary>
/// One call on the server: its deadline and cancellation, its headers, and the single place that
/// writes to the response, so the handler's messages and the final status never interleave.
/// </summary>
internal sealed partial class HttpServerCallContext(HttpContext httpContext, IMethod method, GrpcServiceOptions options, ILogger logger)
    : ServerCallContext, IDisposable
{
    // Only a call with a deadline needs its own source; otherwise the client's abort is the call's token.
    private CancellationTokenSource? callCancellation;
    private readonly SemaphoreSlim responseLock = new(1, 1);
    private CancellationTokenSource? deadlineTimer;
    private Metadata? requestHeaders;
    private Metadata? responseTrailers;
    private bool responseStarted;
    private bool completed;
    private bool deadlineExceeded;
    private DateTime deadline = DateTime.MaxValue;

    public HttpContext HttpContext => httpContext;
    public GrpcServiceOptions Options => options;
    public string? RequestEncoding { get; private set; }

    public override string Method => method.FullName;
    public override string Host => httpContext.Request.Host.Value ?? "";
    public override string Peer => FormatPeer(httpContext.Connection);
    public override DateTime Deadline => deadline;
    public override Metadata RequestHeaders => requestHeaders ??= MetadataHeaders.FromHeaders(
        httpContext.Request.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, h.Value.Select(v => v ?? ""))));
    public override CancellationToken CancellationToken => callCancellation?.Token ?? httpContext.RequestAborted;
    public override Metadata ResponseTrailers => responseTrailers ??= [];
    public override Status Status { get; set; } = Status.DefaultSuccess;

    /// <summary>Reads the protocol headers; a non-null result is the status to fail the call with at once.</summary>
    public Status? Initialize()
    {
        httpContext.Response.ContentType = GrpcProtocol.ContentType;
        var encoding = httpContext.Request.Headers[GrpcProtocol.EncodingHeader].ToString();
        if (encoding.Length > 0 && encoding is not (GrpcProtocol.IdentityEncoding or GrpcProtocol.GzipEncoding))
        {
            httpContext.Response.Headers[GrpcProtocol.AcceptEncodingHeader] = GrpcProtocol.SupportedEncodings;
            return new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'. Supported encodings: {GrpcProtocol.SupportedEncodings}");
        }
        RequestEncoding = encoding.Length > 0 ? encoding : null;
        if (GrpcTimeout.TryParse(httpContext.Request.Headers[GrpcProtocol.TimeoutHeader].ToString(), out var timeout))
        {
            StartDeadline(timeout);
        }
        return null;
    }

    public MessageReader CreateRequestReader() =>
        new(httpContext.Request.BodyReader, options.MaxReceiveMessageSize, RequestEncoding);

    public override async Task WriteResponseHeadersAsync(Metadata responseHeaders)
    {
        await responseLock.WaitAsync(CancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            if (responseStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }
            AppendMetadata(httpContext.Response.Headers, responseHeaders);
            responseStarted = true;
            await httpContext.Response.StartAsync(CancellationToken).ConfigureAwait(false);
        }
        finally
        {
            responseLock.Release();
        }
    }

    public async Task WriteMessageAsync<T>(T message, Marshaller<T> marshaller, bool flush, CancellationToken cancellationToken)
    {
        await responseLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfCompleted();
            MessageWriter.WriteFrame(httpContext.Response.BodyWriter, message, marshaller, options.MaxSendMessageSize);
            responseStarted = true;
            if (flush)
            {
                await httpContext.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            responseLock.Release();
        }
    }

    /// <summary>Turns what a handler threw into the call's status; internals stay on the server.</summary>
    public void SetError(Exception exception)
    {
        switch (exception)
        {
            case RpcException rpc:
                Status = rpc.Status;
                foreach (var entry in rpc.Trailers)
                {
                    ResponseTrailers.Add(entry);
                }
                break;
            case OperationCanceledException when deadlineExceeded:
                Status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
                break;
            // Kestrel may report a client's reset as an IOException just before RequestAborted fires.
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
            case IOException when httpContext.RequestAborted.IsCancellationRequested || IsFromTransport(exception):
                Status = new Status(StatusCode.Cancelled, "Call canceled by the client.");
                break;
            default:
                LogHandlerException(logger, Method, exception);
                var detail = options.EnableDetailedErrors
                    ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
                    : "Exception was thrown by handler.";
                Status = new Status(StatusCode.Unknown, detail, exception);
                break;
        }
    }

    /// <summary>Sends the status: in the headers when nothing was sent yet (Trailers-Only), else as trailers.</summary>
    public async Task EndCallAsync()
    {
        await responseLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (completed)
            {
                return;
            }
            completed = true;
            if (httpContext.RequestAborted.IsCancellationRequested)
            {
                Status = new Status(StatusCode.Cancelled, "Call canceled by the client.");
                return;
            }
            WriteStatus();
        }
        finally
        {
            responseLock.Release();
        }
    }

    public void Dispose()
    {
        deadlineTimer?.Dispose();
        callCancellation?.Dispose();
        // responseLock is not disposed: a deadline callback racing the end of the call may still
        // take and release it (and then finds the call completed); SemaphoreSlim holds nothing to free.
    }

    private void StartDeadline(TimeSpan timeout)
    {
        deadline = DateTime.UtcNow + timeout;
        callCancellation = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        deadlineTimer = new CancellationTokenSource(timeout > TimeSpan.FromDays(24) ? TimeSpan.FromDays(24) : timeout);
        deadlineTimer.Token.UnsafeRegister(static state => _ = ((HttpServerCallContext)state!).DeadlineExceededAsync(), this);
    }

    // The client has given up: cancel the handler, and answer DEADLINE_EXCEEDED now rather than when it returns.
    private async Task DeadlineExceededAsync()
    {
        deadlineExceeded = true;
        try
        {
            await callCancellation!.CancelAsync().ConfigureAwait(false);
            await responseLock.WaitAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            return; // the call ended meanwhile
        }
        try
        {
            if (completed)
            {
                return;
            }
            completed = true;
            Status = new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded");
            if (!httpContext.RequestAborted.IsCancellationRequested)
            {
                WriteStatus();
                await httpContext.Response.CompleteAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException)
        {
            // The connection went away while we answered; nothing more to tell the client.
        }
        finally
        {
            responseLock.Release();
        }
    }

    private void WriteStatus()
    {
        var response = httpContext.Response;
        var trailersOnly = !responseStarted && !response.HasStarted;
        if (trailersOnly)
        {
            response.Headers[GrpcProtocol.StatusTrailer] = ((int)Status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Status.Detail.Length > 0)
            {
                response.Headers[GrpcProtocol.MessageTrailer] = GrpcMessageEncoding.Encode(Status.Detail);
            }
            if (responseTrailers is not null)
            {
                AppendMetadata(response.Headers, responseTrailers);
            }
            return;
        }
        response.AppendTrailer(GrpcProtocol.StatusTrailer, ((int)Status.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Status.Detail.Length > 0)
        {
            response.AppendTrailer(GrpcProtocol.MessageTrailer, GrpcMessageEncoding.Encode(Status.Detail));
        }
        if (responseTrailers is not null) // not `?? []`: that would build an empty Metadata for every call
        {
            foreach (var entry in responseTrailers)
            {
                response.AppendTrailer(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }
        }
    }

    // The request or response stream failed (the client went away), as opposed to the handler's own I/O.
    private static bool IsFromTransport(Exception exception) =>
        exception.GetType().Namespace?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
        || exception.StackTrace?.Contains("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;

    private void ThrowIfCompleted()
    {
        if (completed)
        {
            throw new InvalidOperationException("Can't write the message because the call is complete.");
        }
    }

    private static void AppendMetadata(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
        }
    }

    private static string FormatPeer(ConnectionInfo connection) => connection.RemoteIpAddress switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
        var ip => $"ipv4:{ip}:{connection.RemotePort}",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Error when executing service method '{Method}'.")]
    private static partial void LogHandlerException(ILogger logger, string method, Exception exception);
}
