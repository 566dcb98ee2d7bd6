namespace Mash.Intake.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL with Intake's schema, shared by the tests that need a database.</summary>
public sealed class IntakeDatabase() : ServiceDatabase("intake", Extensions.Migrations.Select(m => m.Sql)), IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class IntakeDatabaseCollection : ICollectionFixture<IntakeDatabase>
{
    public const string Name = "intake database";
}
