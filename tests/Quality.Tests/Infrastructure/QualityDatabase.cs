namespace Mash.Quality.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL shared by the tests that need one; each test takes a fresh database with
/// Quality's schema (<see cref="ServicePostgres.CreateDatabaseAsync"/>), so no test sees another's rows.
/// </summary>
public sealed class QualityDatabase() : ServicePostgres("quality", Extensions.Migrations.Select(m => m.Sql)), IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class QualityDatabaseCollection : ICollectionFixture<QualityDatabase>
{
    public const string Name = "quality database";
}
