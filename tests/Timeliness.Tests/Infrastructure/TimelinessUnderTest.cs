using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.ServiceDefaults;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Grpc;
using Mash.Timeliness.Reporting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mash.Timeliness.Tests.Infrastructure;

/// <summary>Timeliness's parts wired as the service wires them, over the test database, Walsall's targets and a fixed clock.</summary>
internal sealed class TimelinessUnderTest(TimelinessDatabase database)
{
    public FixedTime Time { get; } = new(new DateTimeOffset(2025, 6, 2, 18, 0, 0, TimeSpan.Zero));

    public ClockStore Clocks => new(database.DataSource);

    public ClockRecorder Recorder => new(database.DataSource, Clocks, TestTargets.Deadlines, new EventOutbox(), Time, NullLogger<ClockRecorder>.Instance, Alerts.Schedule(TestTargets.Deadlines));

    /// <summary>The alert parts over the shared database (the alert tests use databases of their own: AlertsUnderTest).</summary>
    public AlertParts Alerts => new(database.DataSource, Time, new AlertOptions());

    public AuditLog Audit => new(database.DataSource, Time);

    public TimelinessGrpcService Service => ServiceWith(TestTargets.Deadlines);

    /// <summary>The service with other targets than Walsall's.</summary>
    public TimelinessGrpcService ServiceWith(Mash.Timeliness.Timing.Deadlines deadlines) =>
        new(Clocks, deadlines, Audit, Time, Decisions, Reports, Alerts.Watch, new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance));

    /// <summary>The shipped backlog settings: hourly snapshots; under 1 day, 1-5 days, 5-20 days, 20 days or more.</summary>
    public static BacklogOptions Backlog => new() { SnapshotEvery = TimeSpan.FromHours(1), AgeBands = [TimeSpan.FromDays(1), TimeSpan.FromDays(5), TimeSpan.FromDays(20)] };

    /// <summary>Walsall's response bands: within 4 h, 4-7 h, 7-15 h, later.</summary>
    public static TimeSpan[] ResponseBands => [TimeSpan.FromHours(4), TimeSpan.FromHours(7), TimeSpan.FromHours(15)];

    public TimelinessReports Reports => ReportsOver(database.DataSource, Time);

    /// <summary>The reports with the shipped settings, over <paramref name="dataSource"/>.</summary>
    public static TimelinessReports ReportsOver(Npgsql.NpgsqlDataSource dataSource, TimeProvider time) => new(
        new BacklogReport(dataSource, Backlog, time),
        new BacklogSlots(Backlog.SnapshotEvery),
        new ResponseTimesReport(dataSource, "Europe/London", ResponseBands),
        new IncidentToCompletionReport(dataSource, "Europe/London", TimeSpan.FromHours(24)));

    public BacklogSnapshots Snapshots => new(database.DataSource, Backlog, Time);

    public DecisionTimelinessReport Decisions => new(database.DataSource, "Europe/London");

    public Task<IReadOnlyList<DecisionTimed>> TimedAsync(string contactId) => database.OutboxAsync<DecisionTimed>(contactId, e => e.ContactId);

    public Task RecordAsync(ContactReceived received) => Recorder.RecordAsync("timeliness.contact-received", ClockEvent.From(received), CancellationToken.None);

    public Task RecordAsync(ContactRated rated) => Recorder.RecordAsync("timeliness.contact-rated", ClockEvent.From(rated), CancellationToken.None);

    public Task RecordAsync(DecisionRecorded decided) => Recorder.RecordAsync("timeliness.decision-recorded", ClockEvent.From(decided), CancellationToken.None);

    /// <summary>A batch of ratings as the ContactRated consumer takes it, in the order given.</summary>
    public Task RecordBatchAsync(params ContactRated[] batch) => Recorder.RecordAsync("timeliness.contact-rated", EventInbox.RowsOfOne(batch.Select(ClockEvent.From)), CancellationToken.None);

    /// <summary>A batch of decisions as the DecisionRecorded consumer takes it, in the order given.</summary>
    public Task RecordBatchAsync(params DecisionRecorded[] batch) => Recorder.RecordAsync("timeliness.decision-recorded", EventInbox.RowsOfOne(batch.Select(ClockEvent.From)), CancellationToken.None);

    public static ContactReceived Received(string contactId, DateTimeOffset at, string agencyId = "police-west", DateTimeOffset? incidentAt = null) =>
        new() { EventId = NewId(), ContactId = contactId, AgencyId = agencyId, OccurredAt = Stamp(at), RecordedAt = Stamp(at), IncidentAt = incidentAt is { } incident ? Stamp(incident) : null };

    public static ContactRated Rated(string contactId, Rag rag, DateTimeOffset at) =>
        new() { EventId = NewId(), ContactId = contactId, Rag = rag, PractitionerId = "sw-1", OccurredAt = Stamp(at), RecordedAt = Stamp(at) };

    public static DecisionRecorded Decided(string contactId, DateTimeOffset at) =>
        new() { EventId = NewId(), ContactId = contactId, ThresholdMet = true, PractitionerId = "sw-1", OccurredAt = Stamp(at), RecordedAt = Stamp(at) };

    public static string NewContactId() => Guid.NewGuid().ToString();

    private static string NewId() => Guid.NewGuid().ToString();

    private static Timestamp Stamp(DateTimeOffset at) => Timestamp.FromDateTimeOffset(at);
}
