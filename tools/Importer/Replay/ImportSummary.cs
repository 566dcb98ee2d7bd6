using Mash.Importer.Export;

namespace Mash.Importer.Replay;

/// <summary>What a run did: steps replayed now, steps a checkpoint said were done, and every row left out with why.</summary>
internal sealed record ImportSummary(int Replayed, int AlreadyDone, IReadOnlyList<RowProblem> Problems);
