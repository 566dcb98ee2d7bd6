using Google.Protobuf;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Timing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>
/// Timeliness's clocks and alerts over a database of their own (a scheduler raises whatever is due
/// in its database, so no other test's clocks may be there), with a fake clock the test moves.
/// </summary>
internal sealed class AlertsUnderTest
{
    public static readonly DateTimeOffset Start = Instants.Bst(2025, 6, 2, 10);

    private AlertsUnderTest(NpgsqlDataSource database, Deadlines deadlines, AlertOptions options)
    {
        Database = database;
        Deadlines = deadlines;
        Parts = new AlertParts(database, Time, options);
    }

    public NpgsqlDataSource Database { get; }

    public Deadlines Deadlines { get; }

    public FakeTimeProvider Time { get; } = new UtcFakeTime(Start);

    public AlertParts Parts { get; }

    public ClockRecorder Recorder => new(Database, new ClockStore(Database), Deadlines, new EventOutbox(), Time, NullLogger<ClockRecorder>.Instance, Parts.Schedule(Deadlines));

    public static async Task<AlertsUnderTest> StartAsync(TimelinessDatabase server, Deadlines? deadlines = null, AlertOptions? options = null) =>
        new(await server.CreateDatabaseAsync(), deadlines ?? TestTargets.Deadlines, options ?? new AlertOptions());

    /// <summary>A contact received at <paramref name="at"/> (by <paramref name="agencyId"/>) and rated <paramref name="rag"/> a minute later.</summary>
    public async Task<string> OpenClockAsync(Rag rag, DateTimeOffset at, string agencyId = "police-west")
    {
        var contactId = TimelinessUnderTest.NewContactId();
        var received = TimelinessUnderTest.Received(contactId, at);
        received.AgencyId = agencyId;
        await Recorder.RecordAsync("timeliness.contact-received", ClockEvent.From(received), CancellationToken.None);
        await RateAsync(contactId, rag, at.AddMinutes(1));
        return contactId;
    }

    public Task RateAsync(string contactId, Rag rag, DateTimeOffset at) =>
        Recorder.RecordAsync("timeliness.contact-rated", ClockEvent.From(TimelinessUnderTest.Rated(contactId, rag, at)), CancellationToken.None);

    public Task DecideAsync(string contactId, DateTimeOffset at) =>
        Recorder.RecordAsync("timeliness.decision-recorded", ClockEvent.From(TimelinessUnderTest.Decided(contactId, at)), CancellationToken.None);

    /// <summary>Moves the clock to <paramref name="at"/> and raises what is due then, as one pass of the scheduler.</summary>
    public async Task<int> RaiseAtAsync(DateTimeOffset at)
    {
        Time.SetUtcNow(at);
        return await Parts.Scheduler().RaiseDueAsync(CancellationToken.None);
    }

    /// <summary>The alert log's rows about <paramref name="contactId"/>, in sequence order.</summary>
    public async Task<IReadOnlyList<RaisedAlert>> AlertsAsync(string contactId) =>
        [.. (await Parts.Log.ReadAsync(0, AlertFilter.Everything, int.MaxValue, CancellationToken.None)).Alerts.Where(a => a.ContactId == contactId)];

    /// <summary>The events of type <typeparamref name="T"/> in the outbox, oldest first.</summary>
    public async Task<IReadOnlyList<T>> EventsAsync<T>() where T : IMessage<T>, new()
    {
        await using var command = Database.CreateCommand(ServiceDatabase.OutboxEventsSql + " WHERE o.message_type LIKE $1 ORDER BY o.id, b.n");
        command.Parameters.Add(new() { Value = $"{typeof(T).FullName},%" });
        await using var reader = await command.ExecuteReaderAsync();
        var parser = new MessageParser<T>(() => new T());
        var events = new List<T>();
        while (await reader.ReadAsync())
        {
            events.Add(parser.ParseFrom((byte[])reader[1]));
        }
        return events;
    }

    public async Task<IReadOnlyList<DeadlineApproaching>> ApproachingAsync(string contactId) => [.. (await EventsAsync<DeadlineApproaching>()).Where(e => e.ContactId == contactId)];

    public async Task<IReadOnlyList<DeadlineBreached>> BreachedAsync(string contactId) => [.. (await EventsAsync<DeadlineBreached>()).Where(e => e.ContactId == contactId)];
}

/// <summary>A fake clock that answers in UTC whatever offset the test set it with (PostgreSQL's timestamptz takes UTC only, as the system clock gives).</summary>
internal sealed class UtcFakeTime(DateTimeOffset start) : FakeTimeProvider(start)
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().ToUniversalTime();
}
