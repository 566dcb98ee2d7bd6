using System.Net;
using System.Net.Sockets;

namespace Mash.Testing.Servers;

/// <summary>
/// A loopback port that, once started, forwards every connection to a target port: a database
/// that is "unreachable" until the test makes it reachable, without stopping the shared server.
/// </summary>
public sealed class TcpForwarder(int targetPort) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private TcpListener? listener;
    private Task? acceptLoop;

    /// <summary>Reserved now, listened on only after <see cref="Start"/>.</summary>
    public int Port { get; } = Processes.FreePort();

    public void Start()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        acceptLoop = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener server)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await server.AcceptTcpClientAsync(stopping.Token);
                _ = PipeAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var target = new TcpClient())
        {
            try
            {
                await target.ConnectAsync(IPAddress.Loopback, targetPort, stopping.Token);
                var a = client.GetStream().CopyToAsync(target.GetStream(), stopping.Token);
                var b = target.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
                await Task.WhenAny(a, b);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener?.Stop();
        if (acceptLoop is not null)
        {
            await acceptLoop;
        }
        stopping.Dispose();
    }
}
