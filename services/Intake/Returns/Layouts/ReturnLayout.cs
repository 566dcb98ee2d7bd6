namespace Mash.Intake.Returns.Layouts;

/// <summary>A statutory return's shape: which contacts it counts, its columns, and each child's row in them.</summary>
public interface IReturnLayout
{
    /// <summary>The file's name before its period, e.g. annex-a-list-1.</summary>
    string Name { get; }

    ReturnBasis Basis { get; }

    IReadOnlyList<string> Headers { get; }

    IReadOnlyList<string> RowOf(ReturnChild child, ReturnCodeBook codes);
}
