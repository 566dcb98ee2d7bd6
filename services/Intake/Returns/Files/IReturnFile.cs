namespace Mash.Intake.Returns.Files;

/// <summary>A file format a return is written in: a header row, then the rows.</summary>
public interface IReturnFile
{
    string Extension { get; }

    string ContentType { get; }

    byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows);
}
