using Mash.Hosting.Processes;

namespace Mash.Hosting.Orchestration;

/// <summary>
/// <c>postgres -D {state}/postgres/data</c> on 127.0.0.1 only (no Unix socket: its path could
/// exceed 107 bytes under a deep state directory), trust authentication, cluster created on first
/// run. As root it runs as the postgres user, which PostgreSQL insists on.
/// </summary>
internal sealed class PostgresRunner(PostgresServerResource server, RunContext context) : ServerRunner(server, context)
{
    private static readonly string? Bin = InfrastructureBinaries.PostgresBin;

    private string DataDirectory => Path.Combine(StateDirectory, "data");

    private static string? RunAs => Launcher.IsRoot ? PostgresServerResource.UserName : null;

    protected override string? MissingBinaries => Bin is null ? "PostgreSQL is not installed: apt-get install postgresql" : null;

    // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, then exit cleanly.
    protected override int StopSignal => Posix.SIGINT;

    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var db in server.Databases)
        {
            Context.Publish(db, s => s with { State = KnownResourceStates.Starting });
        }

        if (RunAs is not null)
        {
            await RunAsync(new ProcessSpec("chown", [$"{RunAs}:{RunAs}", StateDirectory]), cancellationToken);
            // A state directory under /root (mode 0700) is out of the postgres user's reach; say so plainly.
            if (!(await Command.RunAsync(new ProcessSpec("test", ["-w", StateDirectory]) { RunAsUser = RunAs }, TimeSpan.FromSeconds(30), cancellationToken: cancellationToken)).Succeeded)
            {
                throw new InvalidOperationException(
                    $"the {RunAs} user cannot reach {StateDirectory}: every directory above it must be searchable by others (chmod o+x), or choose another state directory (--state-dir, MASH_STATE_DIR)");
            }
        }

        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Log("creating the cluster (initdb)");
            await RunAsync(Tool("initdb", "-D", DataDirectory, "-U", PostgresServerResource.UserName, "-A", "trust", "-E", "UTF8", "--no-locale"), cancellationToken);
        }

        // Our lock on the state directory and the orphan clean-up mean no postmaster of ours runs
        // here now; a leftover pid file (kill -9) could name a pid since reused, which blocks start.
        File.Delete(Path.Combine(DataDirectory, "postmaster.pid"));
    }

    protected override ProcessSpec Spec() =>
        Tool("postgres", "-D", DataDirectory, "-p", $"{Port}", "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=");

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        (await Command.RunAsync(Tool("pg_isready", "-h", "127.0.0.1", "-p", $"{Port}", "-U", "postgres", "-d", "postgres", "-t", "2"), TimeSpan.FromSeconds(10), cancellationToken: cancellationToken)).Succeeded;

    protected override async Task OnReadyAsync(CancellationToken cancellationToken)
    {
        foreach (var db in server.Databases)
        {
            try
            {
                await EnsureDatabaseAsync(db.DatabaseName, cancellationToken);
                Context.Publish(db, s => s with { State = KnownResourceStates.Running, StartedAt = DateTimeOffset.Now });
            }
            catch (InvalidOperationException e)
            {
                Context.Publish(db, s => s with { State = KnownResourceStates.FailedToStart, Message = e.Message });
                throw;
            }
        }
    }

    protected override void OnFailedToStart(string message)
    {
        foreach (var db in server.Databases)
        {
            Context.Publish(db, s => s.State == KnownResourceStates.Starting ? s with { State = KnownResourceStates.FailedToStart, Message = $"{server.Name}: {message}" } : s);
        }
    }

    protected override async Task<bool> RequestStopAsync(CancellationToken force)
    {
        foreach (var db in server.Databases)
        {
            Context.Publish(db, s => s.State == KnownResourceStates.Running ? s with { State = KnownResourceStates.Stopping } : s);
        }

        var result = await Command.RunAsync(Tool("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"), TimeSpan.FromSeconds(60), cancellationToken: force);
        if (!result.Succeeded)
        {
            Log($"pg_ctl stop: {result.Output.Trim()}", isError: true);
        }

        return result.Succeeded;
    }

    protected override Task AfterStopAsync(CancellationToken force)
    {
        foreach (var db in server.Databases)
        {
            Context.Publish(db, s => s.State is KnownResourceStates.Stopping or KnownResourceStates.Running or KnownResourceStates.Starting ? s with { State = KnownResourceStates.Exited } : s);
        }

        return Task.CompletedTask;
    }

    private async Task EnsureDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        var exists = await RunAsync(Psql($"SELECT 1 FROM pg_database WHERE datname = '{name}'"), cancellationToken);
        if (exists.Output.Trim() != "1")
        {
            Log($"creating database {name}");
            await RunAsync(Psql($"CREATE DATABASE \"{name}\""), cancellationToken);
        }
    }

    // psql talks TCP with trust authentication, so it needs no user switch.
    private ProcessSpec Psql(string sql) => Tool("psql", "-h", "127.0.0.1", "-p", $"{Port}", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-Atc", sql) with { RunAsUser = null };

    private ProcessSpec Tool(string program, params string[] args) =>
        new(Path.Combine(Bin!, program), args) { WorkingDirectory = StateDirectory, RunAsUser = RunAs };

    private async Task<Command.Result> RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var result = await Command.RunAsync(spec, TimeSpan.FromSeconds(120), cancellationToken: cancellationToken);
        return result.Succeeded ? result : throw new InvalidOperationException($"{Path.GetFileName(spec.FileName)} failed (exit code {result.ExitCode}): {result.Output.Trim()}");
    }
}
