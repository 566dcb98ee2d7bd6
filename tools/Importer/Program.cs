using Mash.Importer;
using Spectre.Console;

var (options, problem) = ImportOptions.Parse(args, Environment.GetEnvironmentVariable);
if (options is null)
{
    await Console.Error.WriteLineAsync($"mash-import: {problem}{Environment.NewLine}{ImportOptions.Usage}");
    return 2;
}
using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop after the step in hand: the checkpoint then says where to continue.
    e.Cancel = true;
    stopping.Cancel();
};
try
{
    var summary = await AnsiConsole.Progress()
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
        .StartAsync(async progress =>
        {
            var task = progress.AddTask("Replaying the legacy export", autoStart: false);
            return await ImportRun.RunAsync(options, total =>
            {
                task.MaxValue = Math.Max(total, 1);
                task.StartTask();
            }, _ => task.Increment(1), stopping.Token);
        });
    foreach (var row in summary.Problems)
    {
        AnsiConsole.MarkupLineInterpolated($"[yellow]not imported[/] {row}");
    }
    AnsiConsole.MarkupLineInterpolated($"{summary.Replayed} steps replayed, {summary.AlreadyDone} already done (checkpoint), {summary.Problems.Count} rows not imported; {summary.TriedAgain} calls tried again while the platform caught up.");
    return summary.Problems.Count == 0 ? 0 : 1;
}
catch (Exception e) when (RunStopped.Explain(e) is { } stopped)
{
    await Console.Error.WriteLineAsync($"mash-import: {stopped.Message}");
    return stopped.ExitCode;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    AnsiConsole.MarkupLine("Stopped; run the same command again to continue where it stopped.");
    return 130;
}
