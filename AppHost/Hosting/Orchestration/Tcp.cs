using System.Net.Sockets;

namespace Mash.Hosting.Orchestration;

internal static class Tcp
{
    /// <param name="hello">Sent once connected, for servers that complain about silent connections.</param>
    public static async Task<bool> CanConnectAsync(int port, CancellationToken cancellationToken, byte[]? hello = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            if (hello is not null)
            {
                await client.GetStream().WriteAsync(hello, timeout.Token);
                await client.GetStream().ReadAtLeastAsync(new byte[64], 1, throwOnEndOfStream: true, timeout.Token);
            }

            return true;
        }
        catch (Exception e) when (e is SocketException or IOException or EndOfStreamException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
