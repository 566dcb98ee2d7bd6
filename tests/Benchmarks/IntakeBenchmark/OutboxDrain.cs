using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Npgsql;

namespace IntakeBenchmark;

/// <summary>What waiting for the outbox gave: the rows left when the submissions ended and how long they took to go.</summary>
internal sealed record DrainResult(long Backlog, double Seconds)
{
    /// <summary>Events published (and confirmed by RabbitMQ, then deleted) per second while nothing else ran.</summary>
    public double EventsPerSecond => Seconds > 0 ? Backlog / Seconds : 0;
}

/// <summary>
/// Watches Intake's outbox_messages from outside, as a black box: the dispatcher publishes rows to
/// RabbitMQ and deletes them once confirmed, so the table empties at the rate events leave.
/// </summary>
internal static class OutboxDrain
{
    // Counting the rows is a scan of the table, too dear to repeat: the backlog is counted once, then
    // the poll asks only whether the oldest row is still there (one step into the primary key). Polled
    // every 10 ms, count(*) took most of a core from the dispatcher it was timing.
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static async Task<DrainResult> WaitUntilEmptyAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var start = Stopwatch.GetTimestamp();
        var backlog = await CountAsync(dataSource);
        // However slow the dispatcher, 50 events/s would be a fault, not a figure.
        var timeout = TimeSpan.FromSeconds(Math.Max(60, backlog / 50.0));
        var empty = backlog == 0;
        while (!empty)
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"The outbox still held {await CountAsync(dataSource)} of {backlog} events after {timeout.TotalSeconds:0} s: is the dispatcher publishing?");
            }
            await Task.Delay(PollInterval);
            empty = await IsEmptyAsync(dataSource);
        }
        return new DrainResult(backlog, backlog == 0 ? 0 : Stopwatch.GetElapsedTime(start).TotalSeconds);
    }

    /// <summary>
    /// Puts <paramref name="count"/> ContactReceived events straight into Intake's outbox, committed at
    /// once, so the dispatcher can be timed alone: the first through EventOutbox as Intake adds them, the
    /// rest as copies of that row made by the database.
    /// </summary>
    public static async Task PreloadAsync(string connectionString, int count)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        await new EventOutbox().AddAsync(transaction, new ContactReceived
        {
            EventId = Guid.NewGuid().ToString(),
            ContactId = Guid.CreateVersion7().ToString(),
            AgencyId = ContactSource.AgencyId,
            ReferralSource = "6",
            ContactType = "concern",
            PresentingIssues = { "domestic-abuse", "neglect" },
            Pathway = Pathway.Children,
            SubjectRefs = { Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) },
            OccurredAt = now,
            RecordedAt = now,
        });
        await using var copies = new NpgsqlCommand("""
            INSERT INTO outbox_messages (message_type, body)
            SELECT message_type, body FROM outbox_messages, generate_series(2, $1)
            WHERE id = currval(pg_get_serial_sequence('outbox_messages', 'id'))
            """, connection, transaction);
        copies.Parameters.Add(new() { Value = count });
        await copies.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    private static async Task<bool> IsEmptyAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT min(id) IS NULL FROM outbox_messages");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(sum(events), 0)::bigint FROM outbox_messages");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
