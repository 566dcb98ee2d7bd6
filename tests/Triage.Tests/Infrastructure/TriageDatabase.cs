namespace Mash.Triage.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL with Triage's schema, shared by the tests that need a database.</summary>
public sealed class TriageDatabase() : ServiceDatabase("triage", Extensions.Migrations.Select(m => m.Sql)), IAsyncLifetime
{
    /// <summary>Returns once a session of this database is waiting for a row lock (a test's way to know a call has reached it).</summary>
    public async Task WaitUntilSomeoneWaitsForALockAsync()
    {
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            if (await CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0)
            {
                return;
            }
            await Task.Delay(10);
        }
        throw new TimeoutException("No session ever waited for a lock.");
    }
}

[CollectionDefinition(Name)]
public sealed class TriageDatabaseCollection : ICollectionFixture<TriageDatabase>
{
    public const string Name = "triage database";
}
