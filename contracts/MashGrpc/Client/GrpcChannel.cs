using System.Collections.Concurrent;
using MashGrpc.Core;

namespace MashGrpc.Client;

/// <summary>
/// A channel to one server address over HTTP/2: cleartext with prior knowledge for http://,
/// TLS for https://. Create one per server and share it; it is thread-safe.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly HttpMessageInvoker[] invokers;
    private readonly bool disposeInvokers;
    private readonly ConcurrentDictionary<string, Uri> methodUris = new();
    private int nextInvoker;

    private GrpcChannel(Uri address, GrpcChannelOptions options) : base(address.Authority)
    {
        if (address.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Address '{address}' must be http:// (h2c) or https:// (TLS).", nameof(address));
        }
        Address = address;
        Options = options;
        if (options.HttpHandler is { } handler)
        {
            invokers = [new HttpMessageInvoker(handler, options.DisposeHttpClient)];
            disposeInvokers = options.DisposeHttpClient;
        }
        else
        {
            invokers = [.. Enumerable.Range(0, Math.Max(1, options.Connections)).Select(_ => new HttpMessageInvoker(CreateHandler(options), disposeHandler: true))];
            disposeInvokers = true;
        }
    }

    public Uri Address { get; }
    internal GrpcChannelOptions Options { get; }

    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null) => ForAddress(new Uri(address), options);

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions? options = null) => new(address, options ?? new GrpcChannelOptions());

    public override CallInvoker CreateCallInvoker() => new HttpClientCallInvoker(this);

    public void Dispose()
    {
        if (disposeInvokers)
        {
            foreach (var invoker in invokers)
            {
                invoker.Dispose();
            }
        }
    }

    internal HttpMessageInvoker NextInvoker() =>
        invokers.Length == 1 ? invokers[0] : invokers[(int)((uint)Interlocked.Increment(ref nextInvoker) % invokers.Length)];

    internal Uri GetUri(IMethod method) => methodUris.GetOrAdd(method.FullName, static (path, address) => new Uri(address, path), Address);

    private static SocketsHttpHandler CreateHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false, // gRPC never follows redirects; it also spares a handler per call
        };
        if (options.ServerCertificateValidation is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }
        return handler;
    }
}
