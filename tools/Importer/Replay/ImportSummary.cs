using Mash.Importer.Export;

namespace Mash.Importer.Replay;

/// <summary>
/// What a run did: steps replayed now, steps a checkpoint said were done, every row left out with why,
/// and how often a call was tried again while the platform caught up or was busy (<see cref="Settling"/>).
/// </summary>
internal sealed record ImportSummary(int Replayed, int AlreadyDone, IReadOnlyList<RowProblem> Problems, int TriedAgain);
