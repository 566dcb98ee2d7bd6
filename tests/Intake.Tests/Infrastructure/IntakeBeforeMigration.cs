using Mash.ServiceDefaults;
using Mash.Testing.Servers;
using Npgsql;

namespace Mash.Intake.Tests.Infrastructure;

/// <summary>
/// Intake's databases as they were before migration <paramref name="version"/>: a test stores what a
/// deployment held then, applies the migration with <see cref="MigrateAsync"/>, and checks what it made of it.
/// </summary>
internal sealed class IntakeBeforeMigration(int version)
    : ServicePostgres($"intake-upgrade-{version}", Extensions.Migrations.Where(m => m.Version < version).Select(m => m.Sql))
{
    private readonly Migration migration = Extensions.Migrations.Single(m => m.Version == version);

    public async Task MigrateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(migration.Sql);
        await command.ExecuteNonQueryAsync();
    }
}
