using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Repeats;

/// <summary>Migration 9 keeps contact_subjects' references as bytes; those stored before it, as hex, become the same bytes.</summary>
public sealed class SubjectRefsAsBytesMigrationTests : IAsyncLifetime
{
    private readonly IntakeBeforeMigration postgres = new(9);

    public Task InitializeAsync() => postgres.InitializeAsync();

    public Task DisposeAsync() => postgres.DisposeAsync();

    [Fact]
    public async Task An_earlier_subject_reference_becomes_its_bytes()
    {
        var dataSource = await postgres.CreateDatabaseAsync();
        var subjectRef = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await using (var insert = dataSource.CreateCommand("INSERT INTO contact_subjects (subject_ref, received_at, contact_id) VALUES ($1, now(), $2)"))
        {
            insert.Parameters.Add(new() { Value = subjectRef });
            insert.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            await insert.ExecuteNonQueryAsync();
        }

        await postgres.MigrateAsync(dataSource);

        await using var command = dataSource.CreateCommand("SELECT subject_ref FROM contact_subjects");
        Assert.Equal(Convert.FromHexString(subjectRef), (byte[])(await command.ExecuteScalarAsync())!);
    }
}
