using Npgsql;
using Xunit.Abstractions;

namespace Mash.Timeliness.Tests.Reliability;

/// <summary>
/// Timeliness run as production runs it (<c>dotnet Timeliness.dll</c>), killed outright (kill -9)
/// while deadlines fall due, then started again on the same database: what fell due while it was
/// down is raised on restart, and every alert exactly once. The deadlines are written as the
/// consumers write them (alert_deadlines, beside their clocks), on the real clock.
/// </summary>
[Collection(TimelinessProcessCollection.Name)]
public sealed class AlertsKilledTests(TimelinessProcessFixture fixture, ITestOutputHelper output)
{
    /// <summary>Longest any one step may take before the test gives up (a hang guard, never a speed assertion).</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    private const int EachGroup = 25;

    [Fact]
    public async Task Alerts_that_fell_due_while_Timeliness_was_killed_are_raised_once_after_it_returns()
    {
        var (timeliness, connectionString) = await fixture.NewTimelinessAsync();
        await using var _ = timeliness;
        await using var database = NpgsqlDataSource.Create(connectionString);
        await timeliness.StartAsync(HangGuard);

        // Running: approaching in a second, due an hour later, so however slowly this machine raises
        // the approach, the breach is not due yet; once killed, their due time is brought to a second
        // away, as another replica's consumer would move it.
        var running = await OpenClocksAsync(database, "running", approachingIn: TimeSpan.FromSeconds(1), dueIn: TimeSpan.FromHours(1));
        await EventuallyAsync(database, running, "approaching", timeliness);
        timeliness.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await BringDueAsync(database, running, TimeSpan.FromSeconds(1));
        // Down: written as a consumer of another replica would, both moments falling while this one is gone.
        var down = await OpenClocksAsync(database, "down", approachingIn: TimeSpan.FromSeconds(1), dueIn: TimeSpan.FromSeconds(2));
        var lastDue = await LastDueAsync(database);
        while (DateTimeOffset.UtcNow < lastDue.AddSeconds(1))
        {
            await Task.Delay(200);
        }

        await timeliness.StartAsync(HangGuard);
        var restartedAt = DateTimeOffset.UtcNow;
        await EventuallyAsync(database, running, "breached", timeliness);
        await EventuallyAsync(database, down, "breached", timeliness);
        // One more pass after them: a repeat of any would be in the log before this one's alert.
        var last = await OpenClocksAsync(database, "last", approachingIn: TimeSpan.FromMilliseconds(500), dueIn: TimeSpan.FromHours(1), count: 1);
        await EventuallyAsync(database, last, "approaching", timeliness);

        var alerts = await AlertsAsync(database);
        output.WriteLine($"killed at {killedAt:O}, restarted at {restartedAt:O}; {alerts.Count} alerts; while down, due by {lastDue:O}; " +
            $"raised after restart, latest {alerts.Where(a => a.Contact.StartsWith("down", StringComparison.Ordinal)).Max(a => a.RaisedAt) - restartedAt} after /health answered");
        Assert.Equal(2, timeliness.Runs);
        Assert.All(alerts.GroupBy(a => (a.Contact, a.Kind)), group => Assert.Single(group));
        Assert.Equal(running.Select(c => (c, "approaching")).Concat(running.Select(c => (c, "breached"))).Order(),
            alerts.Where(a => running.Contains(a.Contact)).Select(a => (a.Contact, a.Kind)).Order());
        // Both of a down clock's moments had passed: the breach alone is raised (the approach would say nothing new).
        Assert.Equal(down.Select(c => (c, "breached")).Order(), alerts.Where(a => down.Contains(a.Contact)).Select(a => (a.Contact, a.Kind)).Order());
        Assert.All(alerts.Where(a => down.Contains(a.Contact)), a => Assert.True(a.RaisedAt >= killedAt));
        Assert.Equal(0, await UnpublishedAlertEventsAsync(database));
    }

    private static async Task<List<string>> OpenClocksAsync(NpgsqlDataSource database, string group, TimeSpan approachingIn, TimeSpan dueIn, int count = EachGroup)
    {
        var now = DateTimeOffset.UtcNow;
        var contacts = Enumerable.Range(0, count).Select(i => $"{group}-{i:D3}-{Guid.NewGuid():N}").ToList();
        await using var batch = database.CreateBatch();
        var clocks = new NpgsqlBatchCommand("""
            INSERT INTO clocks (contact_id, started_at, rag, rated_at, due_at, agency_id)
            SELECT c, $2, 'Red', $2, $3, 'police-west' FROM unnest($1::text[]) AS c
            """);
        var deadlines = new NpgsqlBatchCommand("""
            INSERT INTO alert_deadlines (contact_id, rag, agency_id, started_at, approaching_at, due_at)
            SELECT c, 'Red', 'police-west', $2, $3, $4 FROM unnest($1::text[]) AS c
            """);
        clocks.Parameters.Add(new() { Value = contacts.ToArray() });
        clocks.Parameters.Add(new() { Value = now.AddHours(-1) });
        clocks.Parameters.Add(new() { Value = now + dueIn });
        deadlines.Parameters.Add(new() { Value = contacts.ToArray() });
        deadlines.Parameters.Add(new() { Value = now.AddHours(-1) });
        deadlines.Parameters.Add(new() { Value = now + approachingIn });
        deadlines.Parameters.Add(new() { Value = now + dueIn });
        batch.BatchCommands.Add(clocks);
        batch.BatchCommands.Add(deadlines);
        await batch.ExecuteNonQueryAsync();
        return contacts;
    }

    private static async Task BringDueAsync(NpgsqlDataSource database, List<string> contacts, TimeSpan dueIn)
    {
        await using var batch = database.CreateBatch();
        foreach (var table in new[] { "clocks", "alert_deadlines" })
        {
            var command = new NpgsqlBatchCommand($"UPDATE {table} SET due_at = $2 WHERE contact_id = ANY($1)");
            command.Parameters.Add(new() { Value = contacts.ToArray() });
            command.Parameters.Add(new() { Value = DateTimeOffset.UtcNow + dueIn });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync();
    }

    private static async Task<DateTimeOffset> LastDueAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT max(due_at) FROM alert_deadlines");
        return new DateTimeOffset((DateTime)(await command.ExecuteScalarAsync())!, TimeSpan.Zero);
    }

    private sealed record Raised(long Sequence, string Contact, string Kind, DateTimeOffset RaisedAt);

    private static async Task<List<Raised>> AlertsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT sequence, contact_id, kind, raised_at FROM alerts ORDER BY sequence");
        await using var reader = await command.ExecuteReaderAsync();
        var alerts = new List<Raised>();
        while (await reader.ReadAsync())
        {
            alerts.Add(new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }
        return alerts;
    }

    private static async Task EventuallyAsync(NpgsqlDataSource database, IReadOnlyCollection<string> contacts, string kind, Mash.Testing.Services.ServiceProcess timeliness)
    {
        var deadline = DateTime.UtcNow + HangGuard;
        while ((await AlertsAsync(database)).Count(a => a.Kind == kind && contacts.Contains(a.Contact)) < contacts.Count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not every {kind} alert was raised within {HangGuard.TotalSeconds:0} s.\n{timeliness.Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The alerts' events still in the outbox once the dispatcher has had until the hang guard to
    /// publish them to RabbitMQ (each written in the transaction that raised its alert).
    /// </summary>
    private static async Task<long> UnpublishedAlertEventsAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM outbox_messages WHERE message_type LIKE 'Mash.Contracts.Events.V1.Deadline%'");
        var deadline = DateTime.UtcNow + HangGuard;
        while ((long)(await command.ExecuteScalarAsync())! > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
