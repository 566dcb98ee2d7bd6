using Mash.Hosting.Processes;

namespace Mash.Hosting.Orchestration;

/// <summary>
/// Launches <c>dotnet {dll}</c>, polls its health, and restarts it with exponential back-off
/// whenever it exits without being asked to. Exit code 0 included: a .NET host whose
/// BackgroundService throws stops itself and exits 0, and a service is meant to run until stopped.
/// </summary>
internal sealed class ProjectRunner(ProjectResource project, RunContext context) : IResourceRunner
{
    private readonly CancellationTokenSource _stopping = new();
    private ChildProcess? _process;
    private Task _supervision = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var launched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _supervision = Task.Run(() => SuperviseAsync(launched));
        return launched.Task;
    }

    public async Task StopAsync(CancellationToken force)
    {
        // Supervision ends at once when cancelled; only then is _process surely the last one launched.
        await _stopping.CancelAsync();
        await _supervision;
        if (_process is { HasExited: false } process)
        {
            context.Publish(project, s => s with { State = KnownResourceStates.Stopping });
            var code = await process.StopAsync(Posix.SIGTERM, context.Settings.ProjectStopTimeout, force);
            context.Publish(project, s => s with { State = KnownResourceStates.Exited, ExitCode = code, HealthStatus = null });
        }

        context.Pids.Remove(project.Name);
    }

    private async Task SuperviseAsync(TaskCompletionSource launched)
    {
        var attempt = 0;
        var restarts = 0;
        while (true)
        {
            var process = Launch(restarts);
            launched.TrySetResult();
            if (process is null)
            {
                return;
            }

            var startedAt = DateTimeOffset.Now;
            using var healthStop = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var health = new HealthProbe(project, context).RunAsync(healthStop.Token);
            int code;
            try
            {
                code = await process.Exited.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return; // StopAsync publishes the rest
            }
            finally
            {
                await healthStop.CancelAsync();
                await health;
            }

            context.Pids.Remove(project.Name);
            attempt = DateTimeOffset.Now - startedAt > context.Settings.RestartBackoff.ResetAfter ? 1 : attempt + 1;
            var delay = context.Settings.RestartBackoff.DelayFor(attempt);
            context.Log(project, $"exited with code {code}; restarting in {delay.TotalSeconds:0.#} s", isError: true);
            context.Publish(project, s => s with
            {
                State = KnownResourceStates.Exited,
                ExitCode = code,
                HealthStatus = null,
                Message = $"crashed (exit code {code}); restart in {delay.TotalSeconds:0.#} s",
            });
            try
            {
                await Task.Delay(delay, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            restarts++;
        }
    }

    /// <summary>Null when it could not be launched (state FailedToStart).</summary>
    private ChildProcess? Launch(int restarts)
    {
        if (_stopping.IsCancellationRequested)
        {
            return null;
        }

        context.Publish(project, s => s with { State = KnownResourceStates.Starting, RestartCount = restarts, ProcessId = null, ExitCode = null, Message = null, HasHealthCheck = true });
        var (spec, problem) = ProjectLaunch.For(project, context);
        if (spec is not null)
        {
            try
            {
                var process = ChildProcess.Start(spec, (line, err) => context.Log(project, line, err));
                _process = process;
                context.Pids.Record(project.Name, process.Id, Posix.SIGTERM, PidFiles.ProjectOrder);
                context.Publish(project, s => s with { State = KnownResourceStates.Running, ProcessId = process.Id, StartedAt = DateTimeOffset.Now, HealthStatus = null });
                return process;
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
            {
                problem = $"could not launch {spec}: {e.Message}";
            }
        }

        context.Log(project, problem!, isError: true);
        context.Publish(project, s => s with { State = KnownResourceStates.FailedToStart, Message = problem });
        return null;
    }
}
