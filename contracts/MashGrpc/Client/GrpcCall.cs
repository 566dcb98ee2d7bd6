using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using MashGrpc.Core;
using MashGrpc.Internal;

namespace MashGrpc.Client;

/// <summary>
/// One client call as one HTTP/2 request. The call ends exactly once (<see cref="Finish"/>):
/// with the server's status, or with the one that cancellation, the deadline or the transport gives.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IDisposable
{
    private readonly GrpcChannel channel;
    private readonly Method<TRequest, TResponse> method;
    private readonly CallOptions options;
    private readonly CancellationTokenSource? deadlineTimer;
    private readonly CancellationTokenSource callCancellation;
    private readonly CancellationTokenRegistration cancellationRegistration;
    // The raw headers once they arrive (null when the call ended without any); turned into Metadata on demand.
    private readonly TaskCompletionSource<HttpResponseHeaders?> responseHeaders = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task<Metadata>? responseHeadersMetadata;
    private readonly Activity? activity;
    private readonly long startTimestamp = Stopwatch.GetTimestamp();
    private readonly Lock sync = new();
    private Task<bool>? started;
    private StreamingRequestContent? requestContent;
    private HttpResponseMessage? httpResponse;
    private MessageReader? responseReader;
    private Status? status;
    private Metadata? trailers;
    private ResponseStreamReader? responseStream;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        this.channel = channel;
        this.method = method;
        this.options = options;
        activity = GrpcDiagnostics.StartCall(method, ActivityKind.Client);
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var remaining = deadline.ToUniversalTime() - DateTime.UtcNow;
            deadlineTimer = new CancellationTokenSource(remaining > TimeSpan.Zero ? Min(remaining, TimeSpan.FromDays(24)) : TimeSpan.Zero);
        }
        // Only the caller's token and the deadline cancel a call from outside; with neither, the call's
        // token fires only from Finish, once the status is set, so there is nothing to link or listen to.
        var cancellable = options.CancellationToken.CanBeCanceled || deadlineTimer is not null;
        callCancellation = deadlineTimer is null
            ? cancellable ? CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken) : new CancellationTokenSource()
            : CancellationTokenSource.CreateLinkedTokenSource(options.CancellationToken, deadlineTimer.Token);
        cancellationRegistration = cancellable
            ? callCancellation.Token.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).OnCancelled(), this)
            : default;
        State = new CallState(GetResponseHeadersAsync, GetStatus, GetTrailers, Dispose);
    }

    public CallState State { get; }
    /// <summary>Made when first asked for: unary and client-streaming calls never read it.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream => responseStream ??= new ResponseStreamReader(this);

    public Task<TResponse> UnaryAsync(TRequest request)
    {
        try
        {
            started = StartAsync(new UnaryRequestContent(Frame(request)));
        }
        catch (RpcException ex)
        {
            // A request too large to send fails the call, as every other failure does: through its task.
            Finish(ex.Status);
            return Task.FromException<TResponse>(ex);
        }
        return ReadSingleResponseAsync();
    }

    public void StartServerStreaming(TRequest request) => started = StartAsync(new UnaryRequestContent(Frame(request)));

    public IClientStreamWriter<TRequest> StartClientStreaming()
    {
        requestContent = new StreamingRequestContent();
        started = StartAsync(requestContent);
        return new RequestStreamWriter(this, requestContent);
    }

    /// <summary>Exactly one response message, then the end of the stream and an OK status.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        var (hasMessage, message) = await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false);
        if (!hasMessage)
        {
            throw Fail(new Status(StatusCode.Internal, "Failed to deserialize response message. The server sent no message."));
        }
        if ((await ReadMessageAsync(CancellationToken.None).ConfigureAwait(false)).HasMessage)
        {
            throw Fail(new Status(StatusCode.Internal, "The server sent more than one response message to a unary call."));
        }
        return message;
    }

    public Status GetStatus() =>
        status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");

    public Metadata GetTrailers() =>
        trailers ?? throw new InvalidOperationException("Can't get the call trailers because the call has not completed.");

    public void Dispose()
    {
        Finish(new Status(StatusCode.Cancelled, "gRPC call disposed."));
        httpResponse?.Dispose();
    }

    private byte[] Frame(TRequest request) => MessageWriter.ToFrame(request, method.RequestMarshaller, channel.Options.MaxSendMessageSize);

    // Sends the request and waits for the response headers; false when the call ended there.
    private async Task<bool> StartAsync(HttpContent content)
    {
        if (callCancellation.IsCancellationRequested)
        {
            return false; // deadline already passed or already cancelled: nothing is sent
        }
        try
        {
            httpResponse = await channel.NextInvoker().SendAsync(CreateRequest(content), callCancellation.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Fail(ClientStatus.FromException(ex, "Error starting gRPC call."));
            return false;
        }
        if (status is not null)
        {
            httpResponse.Dispose(); // cancelled while the headers were on their way
            return false;
        }
        var headers = httpResponse.Headers;
        if (CheckResponseHeaders(httpResponse) is { } endStatus)
        {
            var headerMetadata = MetadataHeaders.FromHttpHeaders(headers);
            responseHeaders.TrySetResult(headers);
            Finish(endStatus, headerMetadata);
            return false;
        }
        responseHeaders.TrySetResult(headers);
        var encoding = headers.TryGetValues(GrpcProtocol.EncodingHeader, out var values) ? values.FirstOrDefault() : null;
        var body = await httpResponse.Content.ReadAsStreamAsync(callCancellation.Token).ConfigureAwait(false);
        responseReader = new MessageReader(PipeReader.Create(body), channel.Options.MaxReceiveMessageSize, encoding);
        return true;
    }

    private HttpRequestMessage CreateRequest(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, channel.GetUri(method))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        var headers = request.Headers;
        headers.TryAddWithoutValidation(GrpcProtocol.TeHeader, "trailers");
        headers.TryAddWithoutValidation("User-Agent", GrpcProtocol.UserAgent);
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, GrpcProtocol.SupportedEncodings);
        if (options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(deadline.ToUniversalTime() - DateTime.UtcNow));
        }
        if (options.Headers is { } callHeaders) // not `?? []`: that would build an empty Metadata for every call
        {
            foreach (var entry in callHeaders)
            {
                headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
            }
        }
        if ((activity ?? Activity.Current) is { } current)
        {
            DistributedContextPropagator.Current.Inject(current, headers, static (carrier, key, value) =>
            {
                var h = (System.Net.Http.Headers.HttpRequestHeaders)carrier!;
                h.Remove(key);
                h.TryAddWithoutValidation(key, value);
            });
        }
        return request;
    }

    // A response that ends the call at the headers: an HTTP error, a non-gRPC reply, or Trailers-Only.
    private static Status? CheckResponseHeaders(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Status(ClientStatus.FromHttpStatus(response.StatusCode), $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }
        if (ClientStatus.FromHttpHeaders(response.Headers) is { } trailersOnly)
        {
            return trailersOnly;
        }
        var contentType = response.Content.Headers.ContentType?.ToString();
        return GrpcProtocol.IsGrpcContentType(contentType)
            ? null
            : new Status(StatusCode.Unknown, $"Bad gRPC response. Invalid content-type value: {contentType}");
    }

    // Pooled: a unary call reads twice and a stream once per message, so boxes would be per message.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<(bool HasMessage, TResponse Message)> ReadMessageAsync(CancellationToken cancellationToken)
    {
        if (!await started!.ConfigureAwait(false) || responseReader is null)
        {
            return EndOfStream();
        }
        lock (sync)
        {
            if (status is not null)
            {
                return EndOfStream();
            }
        }
        try
        {
            using var linked = cancellationToken.CanBeCanceled
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, callCancellation.Token)
                : null;
            var (hasMessage, message) = await responseReader.ReadAsync(method.ResponseMarshaller.Deserializer, linked?.Token ?? callCancellation.Token).ConfigureAwait(false);
            if (hasMessage)
            {
                return (true, message);
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && !callCancellation.IsCancellationRequested)
        {
            // Only this read was cancelled, not the call.
            throw new RpcException(new Status(StatusCode.Cancelled, "Reading the response stream was cancelled.", ex));
        }
        catch (Exception ex)
        {
            throw Fail(ClientStatus.FromException(ex, "Error reading next message."));
        }
        var trailerHeaders = httpResponse!.TrailingHeaders;
        var final = ClientStatus.FromHttpHeaders(trailerHeaders) ?? new Status(StatusCode.Internal, "No grpc-status found on response.");
        Finish(final, MetadataHeaders.FromHttpHeaders(trailerHeaders));
        return EndOfStream();
    }

    // The stream has ended: fine when the call ended OK, else the caller sees the call's status.
    private (bool, TResponse) EndOfStream()
    {
        var final = GetStatus();
        return final.StatusCode == StatusCode.OK ? (false, default!) : throw new RpcException(final, GetTrailers());
    }

    private void OnCancelled() => Fail(CancellationStatus());

    private Status CancellationStatus() => deadlineTimer?.IsCancellationRequested == true
        ? new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded")
        : new Status(StatusCode.Cancelled, "Call canceled by the client.");

    private RpcException Fail(Status failure)
    {
        // Once the call's token has fired, its cause (deadline or caller) is the status, whichever
        // cancelled operation (a write, a read, the send) reaches here before OnCancelled does.
        var final = Finish(status is null && callCancellation.IsCancellationRequested ? CancellationStatus() : failure);
        return new RpcException(final, trailers ?? Metadata.Empty);
    }

    private Status Finish(Status final, Metadata? finalTrailers = null)
    {
        lock (sync)
        {
            if (status is { } existing)
            {
                return existing;
            }
            status = final;
            trailers = finalTrailers ?? [];
        }
        if (final.StatusCode != StatusCode.OK)
        {
            responseHeaders.TrySetException(new RpcException(final, trailers));
            _ = responseHeaders.Task.Exception; // observed: callers need not read the headers
            requestContent?.Abort();
            callCancellation.Cancel();
            httpResponse?.Dispose(); // resets the stream if it is still open
        }
        else
        {
            responseHeaders.TrySetResult(null);
            // The response has been read to its end: release the HTTP/2 stream now. Left to the
            // finalizer, every call's stream survives a GC and takes the connection's lock there.
            httpResponse?.Dispose();
        }
        cancellationRegistration.Dispose();
        deadlineTimer?.Dispose();
        GrpcDiagnostics.EndCall(activity, method, ActivityKind.Client, final.StatusCode, startTimestamp);
        return final;
    }

    private Task<Metadata> GetResponseHeadersAsync() => responseHeadersMetadata ??= ToMetadataAsync(responseHeaders.Task);

    private static async Task<Metadata> ToMetadataAsync(Task<HttpResponseHeaders?> headers) =>
        await headers.ConfigureAwait(false) is { } arrived ? MetadataHeaders.FromHttpHeaders(arrived) : [];

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class ResponseStreamReader(GrpcCall<TRequest, TResponse> call) : IAsyncStreamReader<TResponse>
    {
        public TResponse Current { get; private set; } = default!;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            var (hasMessage, message) = await call.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
            Current = message;
            return hasMessage;
        }
    }

    private sealed class RequestStreamWriter(GrpcCall<TRequest, TResponse> call, StreamingRequestContent content) : IClientStreamWriter<TRequest>
    {
        private bool completed;

        /// <summary>With <see cref="WriteFlags.BufferHint"/>, a message waits for the next flushed write or the stream's completion.</summary>
        public WriteOptions? WriteOptions { get; set; }

        private bool Flush => WriteOptions.Flushes(WriteOptions);

        public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

        public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
        {
            if (call.status is { } ended)
            {
                throw ended.StatusCode == StatusCode.OK
                    ? new InvalidOperationException("Can't write the message because the call is complete.")
                    : new RpcException(ended, call.trailers ?? Metadata.Empty);
            }
            if (completed)
            {
                throw new InvalidOperationException("Request stream has already been completed.");
            }
            var frame = call.Frame(message);
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.callCancellation.Token);
                var stream = await content.RequestStream.WaitAsync(linked.Token).ConfigureAwait(false);
                await stream.WriteAsync(frame, linked.Token).ConfigureAwait(false);
                if (Flush)
                {
                    await stream.FlushAsync(linked.Token).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (cancellationToken.IsCancellationRequested && !call.callCancellation.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Cancelled, "Writing the request stream was cancelled.", ex));
            }
            catch (Exception ex)
            {
                // A server that ends the call early (refusing it in Trailers-Only, say) aborts the request
                // body, possibly before its response headers are read: their status, not the abort, ends the call.
                await ((Task)call.started!).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw call.Fail(ClientStatus.FromException(ex, "Error writing request message."));
            }
        }

        public Task CompleteAsync()
        {
            completed = true;
            content.Complete();
            return Task.CompletedTask;
        }
    }
}
