using Mash.Intake.Tests.Infrastructure;

namespace Mash.Intake.Tests.Repeats;

/// <summary>Migration 8 leaves contacts stored before it undecided and repeating no referrals, so they still read back.</summary>
public sealed class RepeatedReferralsMigrationTests : IAsyncLifetime
{
    private readonly IntakeBeforeMigration postgres = new(8);

    public Task InitializeAsync() => postgres.InitializeAsync();

    public Task DisposeAsync() => postgres.DisposeAsync();

    [Fact]
    public async Task An_earlier_contact_is_no_referral_and_repeats_none()
    {
        var dataSource = await postgres.CreateDatabaseAsync();
        var contactId = Guid.CreateVersion7();
        await using (var insert = dataSource.CreateCommand("""
            INSERT INTO contacts (id, request_id, agency_id, received_at, status, body)
            VALUES ($1, 'r1', 'police-west', now(), 'decided', '\x00')
            """))
        {
            insert.Parameters.Add(new() { Value = contactId });
            await insert.ExecuteNonQueryAsync();
        }

        await postgres.MigrateAsync(dataSource);

        await using var command = dataSource.CreateCommand("SELECT repeats_referral_ids, referred_at, decided_at FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((0, true, true), (reader.GetFieldValue<Guid[]>(0).Length, reader.IsDBNull(1), reader.IsDBNull(2)));
    }
}
