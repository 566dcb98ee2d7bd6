using Grpc.Core;
using Grpc.Net.Client;
using Mash.Contracts.Intake.V1;

namespace PlatformBenchmark;

/// <summary>
/// A frontline app's Grpc.Net.Client clients of the platform's Intake: N channels, each with its own
/// SocketsHttpHandler and so its own HTTP/2 connection, taken round-robin (as IntakeBenchmark's
/// ClientPool), every call carrying the development agency's bearer token.
/// </summary>
internal sealed class IntakeClients : IDisposable
{
    /// <summary>police-west's development token (services/Intake/appsettings.Development.json), as the end-to-end tests use it.</summary>
    public const string Token = "dev-police-west-7c1e4b2a9f0d46e3b5a8c3d2e1f09a6b";

    /// <summary><c>authorization: Bearer</c>; only read, so every call shares it.</summary>
    public static Metadata Credentials { get; } = new() { { "authorization", $"Bearer {Token}" } };

    private readonly GrpcChannel[] channels;
    private readonly IntakeService.IntakeServiceClient[] clients;
    private int next;

    public IntakeClients(Uri address, int connections)
    {
        channels = [.. Enumerable.Range(0, connections).Select(_ => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                EnableMultipleHttp2Connections = true,
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                UseProxy = false,
                UseCookies = false,
            },
            DisposeHttpClient = true,
        }))];
        clients = [.. channels.Select(channel => new IntakeService.IntakeServiceClient(channel))];
    }

    public IntakeService.IntakeServiceClient Next() => clients[(int)((uint)Interlocked.Increment(ref next) % clients.Length)];

    public void Dispose()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }
    }
}
