namespace Mash.Hosting.Processes;

/// <summary>What to launch and how.</summary>
internal sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Set on top of the AppHost's own environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Run as this user (PostgreSQL refuses to run as root).</summary>
    public string? RunAsUser { get; init; }

    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName));
}
