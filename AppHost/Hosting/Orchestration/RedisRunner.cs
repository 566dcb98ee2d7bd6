using Mash.Hosting.Processes;

namespace Mash.Hosting.Orchestration;

/// <summary><c>redis-server</c> on 127.0.0.1, no RDB snapshots, append-only file in its state directory.</summary>
internal sealed class RedisRunner(RedisResource redis, RunContext context) : ServerRunner(redis, context)
{
    private static readonly string? Server = InfrastructureBinaries.RedisServer;

    protected override string? MissingBinaries => Server is null ? "Redis is not installed: apt-get install redis-server" : null;

    protected override ProcessSpec Spec() =>
        new(Server!, ["--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes",
            "--dir", StateDirectory, "--pidfile", Path.Combine(StateDirectory, "redis.pid"), "--daemonize", "no"])
        { WorkingDirectory = StateDirectory };

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        await RespClient.SendAsync(Port, ["PING"], cancellationToken) == "+PONG";

    // What `redis-cli shutdown nosave` sends; the append-only file is flushed all the same. Redis
    // closes the connection without a reply when it complies, and answers "-ERR ..." when it does not.
    protected override async Task<bool> RequestStopAsync(CancellationToken force) =>
        await RespClient.SendAsync(Port, ["SHUTDOWN", "NOSAVE"], force) is not { } reply || !reply.StartsWith('-');
}
