namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL with Timeliness's schema, shared by the tests that need a database.</summary>
public sealed class TimelinessDatabase() : ServiceDatabase("timeliness", Extensions.Migrations.Select(m => m.Sql)), IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class TimelinessDatabaseCollection : ICollectionFixture<TimelinessDatabase>
{
    public const string Name = "timeliness database";
}
