using System.Net.Sockets;
using System.Text;

namespace Mash.Hosting.Orchestration;

/// <summary>One Redis command over RESP, returning the first reply line; null if Redis is not there (yet, or any more).</summary>
internal static class RespClient
{
    public static async Task<string?> SendAsync(int port, string[] command, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            var request = new StringBuilder($"*{command.Length}\r\n");
            foreach (var part in command)
            {
                request.Append($"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadLineAsync(timeout.Token);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
