using Grpc.Testing;
using MashGrpc.Client;

namespace Interop.Client;

/// <summary>What a case works with: a channel to the server and the two service clients.</summary>
internal sealed class InteropContext : IDisposable
{
    /// <summary>Generous, so a server that hangs fails the case rather than hanging it.</summary>
    private static readonly TimeSpan RpcTimeout = TimeSpan.FromSeconds(30);

    private readonly Uri address;
    private readonly GrpcChannel channel;

    public InteropContext(ClientArgs options)
    {
        address = new UriBuilder("http", options.ServerHost, options.ServerPort).Uri;
        channel = GrpcChannel.ForAddress(address);
        Client = new TestService.TestServiceClient(channel);
        UnimplementedClient = new Grpc.Testing.UnimplementedService.UnimplementedServiceClient(channel);
    }

    public TestService.TestServiceClient Client { get; }
    public Grpc.Testing.UnimplementedService.UnimplementedServiceClient UnimplementedClient { get; }

    /// <summary>Another channel to the same server, not yet connected; the caller disposes it.</summary>
    public GrpcChannel NewChannel() => GrpcChannel.ForAddress(address);

    /// <summary>The deadline for a call that is not about deadlines.</summary>
    public static DateTime Deadline() => DateTime.UtcNow + RpcTimeout;

    /// <summary>After a cancelled or expired call, the server (and the channel) must still serve.</summary>
    public async Task AssertServerStillServesAsync()
    {
        try
        {
            await Client.EmptyCallAsync(new Empty(), deadline: Deadline());
        }
        catch (MashGrpc.Core.RpcException ex)
        {
            throw new InteropAssertionException($"follow-up EmptyCall after the cancelled/expired call failed: {ex.Status}");
        }
    }

    public void Dispose() => channel.Dispose();
}
