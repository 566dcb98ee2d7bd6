namespace Mash.Outcomes.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL shared by the tests that need one; each test takes a fresh database with
/// Outcomes' schema (<see cref="ServicePostgres.CreateDatabaseAsync"/>), so no test sees another's rows.
/// </summary>
public sealed class OutcomesDatabase() : ServicePostgres("outcomes", Extensions.Migrations.Select(m => m.Sql)), IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class OutcomesDatabaseCollection : ICollectionFixture<OutcomesDatabase>
{
    public const string Name = "outcomes database";
}
