using System.Text;

namespace Mash.Hosting.Processes;

/// <summary>Runs a short-lived tool (initdb, psql, pg_ctl, rabbitmqctl) to completion.</summary>
internal static class Command
{
    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    /// <param name="onLine">Also gets each line as it comes (to the resource's console); may be null.</param>
    public static async Task<Result> RunAsync(ProcessSpec spec, TimeSpan timeout, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        var output = new StringBuilder();
        var process = ChildProcess.Start(spec, (line, _) =>
        {
            lock (output)
            {
                output.AppendLine(line);
            }

            onLine?.Invoke(line);
        });
        try
        {
            var code = await process.Exited.WaitAsync(timeout, cancellationToken);
            // Exited does not wait for the pipes; give the last lines a moment to arrive.
            await Task.Delay(50, CancellationToken.None);
            lock (output)
            {
                return new(code, output.ToString());
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            process.KillTree();
            throw new TimeoutException($"'{spec}' did not finish in {timeout.TotalSeconds:0} s.", e);
        }
    }
}
