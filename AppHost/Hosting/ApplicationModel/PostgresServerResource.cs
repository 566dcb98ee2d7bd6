namespace Mash.Hosting.ApplicationModel;

/// <summary>A PostgreSQL cluster run from the Debian binaries; trust authentication on loopback only.</summary>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints
{
    public const string UserName = "postgres";

    public List<PostgresDatabaseResource> Databases { get; } = [];

    public override string ResourceType => "Postgres";

    public string GetConnectionString() =>
        $"Host=127.0.0.1;Port={this.GetEndpoint("tcp").AllocatedPort};Username={UserName}";
}
