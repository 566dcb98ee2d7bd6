namespace Mash.Importer.Export;

/// <summary>A value read from a field, or why it could not be.</summary>
internal readonly record struct Read<T>(T Value, string? Problem)
{
    public bool Ok => Problem is null;
}

internal static class Read
{
    public static Read<T> Ok<T>(T value) => new(value, null);

    public static Read<T> Fail<T>(string problem) => new(default!, problem);
}
