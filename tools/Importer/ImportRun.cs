using Mash.Importer.Export;
using Mash.Importer.Replay;

namespace Mash.Importer;

/// <summary>One import: reads the export, replays what the checkpoint has not, and reports every row left out.</summary>
internal static class ImportRun
{
    /// <param name="started">Told how many steps the export holds, before the first is replayed.</param>
    /// <param name="advanced">Told of each step as it is replayed, skipped or refused.</param>
    public static async Task<ImportSummary> RunAsync(ImportOptions options, Action<int> started, Action<ImportStep> advanced, CancellationToken cancellationToken)
    {
        var export = LegacyExport.ReadFolder(options.Folder);
        started(export.Steps.Count);
        using var platform = new PlatformClients(options.Intake, options.Triage, options.Outcomes, options.Token);
        using var checkpoint = Checkpoint.Open(options.CheckpointPath);
        await CheckpointCheck.EnsureKeptForThisPlatformAsync(checkpoint, options.CheckpointPath, contactId => platform.HasContactAsync(contactId, cancellationToken));
        var replay = await new Replayer(platform, checkpoint, new Settling(options.Patience), advanced, options.ChildrenAtOnce).RunAsync(export.Steps, cancellationToken);
        return replay with { Problems = [.. export.Problems, .. replay.Problems] };
    }
}
