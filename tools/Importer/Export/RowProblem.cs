namespace Mash.Importer.Export;

/// <summary>A row not imported: where it is and why, as the import reports it.</summary>
internal sealed record RowProblem(string File, int Line, string Reason)
{
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
