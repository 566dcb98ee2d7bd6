namespace Mash.AppHost.Servers;

/// <summary>
/// PostgreSQL from Debian's package, run as a process by Aspire's orchestrator: what
/// Aspire.Hosting.PostgreSQL's resource of the same name is where containers run. Trust
/// authentication on loopback, so its connection string carries no password.
/// </summary>
public sealed class PostgresServerResource(string name, string command, string stateDirectory)
    : ExecutableResource(name, command, stateDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    internal const string UserName = "postgres";

    private readonly List<PostgresDatabaseResource> _databases = [];

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public string DataDirectory => Path.Combine(WorkingDirectory, "data");

    /// <summary>The databases created once the server is healthy.</summary>
    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    /// <summary>Who may hold how many of its connections; its <c>max_connections</c> is their sum with headroom.</summary>
    public PostgresConnectionBudget ConnectionBudget { get; } = new();

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName}");

    internal void AddDatabase(PostgresDatabaseResource database)
    {
        _databases.Add(database);
        ConnectionBudget.AddDatabase();
    }
}

/// <summary>One service's own database on a <see cref="PostgresServerResource"/>; its connection string adds <c>Database=</c>.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
