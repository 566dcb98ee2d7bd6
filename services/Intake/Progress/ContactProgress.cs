using Mash.Contracts.Intake.V1;
using Mash.Intake.Contacts;
using Npgsql;

namespace Mash.Intake.Progress;

/// <summary>A contact's status as WatchContact reports it: no personal data, only the status, outcome code and when it changed.</summary>
public sealed record ContactProgressRow(string AgencyId, ContactStatus Status, string? Outcome, DateTimeOffset ChangedAt);

/// <summary>Reads a contact's status row, for WatchContact; <see cref="ContactAdvances"/> moves it on.</summary>
public sealed class ContactProgress(NpgsqlDataSource dataSource)
{
    /// <summary>The contact's status row, or null if there is no such contact. Not audited: no personal data is read.</summary>
    public async Task<ContactProgressRow?> ReadAsync(Guid contactId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT agency_id, status, outcome, COALESCE(status_changed_at, received_at) FROM contacts WHERE id = $1");
        command.Parameters.Add(new() { Value = contactId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ContactProgressRow(
            reader.GetString(0),
            ContactStatusCodes.FromCode(reader.GetString(1)),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetFieldValue<DateTimeOffset>(3));
    }
}
