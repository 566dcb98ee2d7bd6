using System.Text.RegularExpressions;

namespace Mash.Hosting.ApplicationModel;

/// <summary>A database the AppHost creates (if absent) once its server is ready.</summary>
public sealed partial class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent<PostgresServerResource>
{
    // Checked here so CREATE DATABASE can quote it without escaping and connection strings need no quoting.
    public string DatabaseName { get; } = DatabaseNamePattern().IsMatch(databaseName) ? databaseName
        : throw new ArgumentException($"Database name '{databaseName}' is invalid: use letters, digits, '_' and '-'.", nameof(databaseName));

    public PostgresServerResource Parent { get; } = parent;

    public override string ResourceType => "PostgresDatabase";

    // Services read ConnectionStrings:postgres whichever database they own: the key names the
    // server, the connection string names the database.
    public string ConnectionName => Parent.Name;

    public string GetConnectionString() => $"{Parent.GetConnectionString()};Database={DatabaseName}";

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex DatabaseNamePattern();
}
