using Mash.Intake.Tests.Infrastructure;
using Npgsql;

namespace Mash.Intake.Tests.Repeats;

/// <summary>Migration 7 moves the subject references of contacts stored before it into contact_subjects, so they are still repeated.</summary>
public sealed class ContactSubjectsMigrationTests : IAsyncLifetime
{
    private readonly IntakeBeforeMigration postgres = new(7);

    public Task InitializeAsync() => postgres.InitializeAsync();

    public Task DisposeAsync() => postgres.DisposeAsync();

    [Fact]
    public async Task Each_distinct_subject_of_an_earlier_contact_gets_its_row()
    {
        var dataSource = await postgres.CreateDatabaseAsync();
        var contactId = Guid.CreateVersion7();
        var receivedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await ExecuteAsync(dataSource, """
            INSERT INTO contacts (id, request_id, agency_id, received_at, status, subject_refs, body)
            VALUES ($1, 'r1', 'police-west', $2, 'received', ARRAY['aa', 'bb', 'aa'], '\x00')
            """, contactId, receivedAt);

        await postgres.MigrateAsync(dataSource);

        await using var command = dataSource.CreateCommand("SELECT subject_ref, received_at, contact_id FROM contact_subjects ORDER BY subject_ref");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, DateTimeOffset, Guid)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2)));
        }
        Assert.Equal([("aa", receivedAt, contactId), ("bb", receivedAt, contactId)], rows);
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }
        await command.ExecuteNonQueryAsync();
    }
}
