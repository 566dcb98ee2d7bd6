using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Timeliness.Alerts;
using Mash.Timeliness.Tests.Infrastructure;

namespace Mash.Timeliness.Tests.Grpc;

/// <summary>
/// WatchAlerts over a real gRPC port: replay from the client's resume position then live, with
/// nothing lost or repeated across a disconnect; alerts raised by another replica arrive too;
/// filters by RAG, agency and team; bad requests name their field; managers only, audited.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public sealed class WatchAlertsTests(TimelinessDatabase server)
{
    private static readonly DateTimeOffset Start = AlertsUnderTest.Start;

    /// <summary>Red clocks received together breach together, at 14:00, in the order written.</summary>
    private static async Task<List<string>> BreachAsync(AlertsUnderTest timeliness, int count, DateTimeOffset received, string agencyId = "police-west")
    {
        var contacts = new List<string>();
        for (var i = 0; i < count; i++)
        {
            contacts.Add(await timeliness.OpenClockAsync(Rag.Red, received, agencyId));
        }
        await timeliness.RaiseAtAsync(received.AddHours(4));
        return contacts;
    }

    [Fact]
    public async Task A_watcher_that_reconnects_from_its_last_sequence_misses_nothing_and_sees_nothing_twice()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        await using var alerts = await AlertsServer.StartAsync(timeliness);
        var before = await BreachAsync(timeliness, 3, Start);

        List<Alert> first;
        using (var watch = alerts.Watch(new WatchAlertsRequest()))
        {
            first = await AlertsServer.ReadAsync(watch, 2);
        }
        // Raised while the watcher was away.
        var meanwhile = await BreachAsync(timeliness, 2, Start.AddHours(1));
        using var resumed = alerts.Watch(new WatchAlertsRequest { AfterSequence = first[^1].Sequence });
        var replayed = await AlertsServer.ReadAsync(resumed, 3);
        // Live, raised by another replica (whose wake never reaches this one): found by polling.
        var live = await timeliness.OpenClockAsync(Rag.Red, Start.AddHours(2));
        timeliness.Time.SetUtcNow(Start.AddHours(6));
        await timeliness.Parts.Scheduler(new AlertSignals()).RaiseDueAsync(CancellationToken.None);
        var then = await AlertsServer.ReadPollingAsync(resumed, timeliness);

        Assert.Equal(before[..2], first.Select(a => a.ContactId));
        Assert.Equal([before[2], .. meanwhile, live], replayed.Append(then).Select(a => a.ContactId));
        var sequences = first.Concat(replayed).Append(then).Select(a => a.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
    }

    [Fact]
    public async Task An_alert_raised_on_this_replica_reaches_an_open_watch()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        await using var alerts = await AlertsServer.StartAsync(timeliness);
        using var watch = alerts.Watch(new WatchAlertsRequest());
        var contactId = await timeliness.OpenClockAsync(Rag.Amber, Start);

        await timeliness.RaiseAtAsync(Start.AddHours(18));
        var alert = Assert.Single(await AlertsServer.ReadAsync(watch, 1));

        Assert.Equal((contactId, AlertKind.Approaching, Rag.Amber, "Amber", "police-west", "MASH"), (alert.ContactId, alert.Kind, alert.Rag, alert.RagLabel, alert.AgencyId, alert.Team));
        Assert.Equal(Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Start.AddHours(24)), alert.DueAt);
    }

    public static TheoryData<string, WatchAlertsRequest, string[]> Filters => new()
    {
        { "RAG", new WatchAlertsRequest { Rags = { Rag.Red } }, ["red-school", "red-police-east"] },
        { "agency", new WatchAlertsRequest { AgencyIds = { "police-west" } }, ["amber-police-west"] },
        { "team", new WatchAlertsRequest { Teams = { "Police hub" } }, ["amber-police-west", "red-police-east"] },
        { "RAG and team", new WatchAlertsRequest { Rags = { Rag.Red }, Teams = { "Police hub" } }, ["red-police-east"] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_lets_through_only_its_alerts(string filter, WatchAlertsRequest request, string[] expected)
    {
        var timeliness = await AlertsUnderTest.StartAsync(server, options: new() { Teams = { ["police-west"] = "Police hub", ["police-east"] = "Police hub" } });
        await using var alerts = await AlertsServer.StartAsync(timeliness);
        var names = new Dictionary<string, string>
        {
            [await timeliness.OpenClockAsync(Rag.Red, Start, "school-12")] = "red-school",
            [await timeliness.OpenClockAsync(Rag.Amber, Start, "police-west")] = "amber-police-west",
            [await timeliness.OpenClockAsync(Rag.Amber, Start, "school-12")] = "amber-school",
            [await timeliness.OpenClockAsync(Rag.Red, Start, "police-east")] = "red-police-east",
        };
        await timeliness.RaiseAtAsync(Start.AddHours(25));
        // Last, and let through by every filter: once it arrives, nothing else is on its way.
        var marker = (await BreachAsync(timeliness, 1, Start.AddHours(22)))[0];
        names[marker] = "marker";

        using var watch = alerts.Watch(request);
        var seen = await AlertsServer.ReadAsync(watch, expected.Length + 1);

        var seenNames = seen.Select(a => names[a.ContactId]).ToList();
        Assert.True(seenNames[^1] == "marker", $"{filter}: {string.Join(", ", seenNames)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), seenNames.SkipLast(1).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("after_sequence")]
    [InlineData("rags")]
    [InlineData("teams")]
    public async Task A_bad_request_is_INVALID_ARGUMENT_naming_its_field(string field)
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        await using var alerts = await AlertsServer.StartAsync(timeliness);
        var request = field switch
        {
            "after_sequence" => new WatchAlertsRequest { AfterSequence = -1 },
            "rags" => new WatchAlertsRequest { Rags = { Rag.Unspecified } },
            _ => new WatchAlertsRequest { Teams = { "Nobody's team" } },
        };

        using var watch = alerts.Watch(request);
        var refused = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(AlertsServer.HangGuard));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(field, Assert.Single(Assert.Single(refused.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.Operations)]
    public async Task Only_managers_watch_alerts(string role)
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        await using var alerts = await AlertsServer.StartAsync(timeliness);

        using var watch = alerts.Watch(new WatchAlertsRequest(), TestTokens.Bearer(TestTokens.For("staff-1", role)));
        var refused = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(AlertsServer.HangGuard));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task The_opening_and_each_alert_sent_are_audited_as_the_manager()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        await using var alerts = await AlertsServer.StartAsync(timeliness);
        var contacts = await BreachAsync(timeliness, 2, Start);

        using (var watch = alerts.Watch(new WatchAlertsRequest(), AlertsServer.Manager("mgr-audited")))
        {
            await AlertsServer.ReadAsync(watch, 2);
        }

        await using var rows = timeliness.Database.CreateCommand(
            "SELECT record_id FROM audit_log WHERE actor_id = 'mgr-audited' AND action = '/mash.timeliness.v1.TimelinessService/WatchAlerts' AND outcome = 'allowed' ORDER BY occurred_at, record_id");
        await using var reader = await rows.ExecuteReaderAsync();
        var audited = new List<string?>();
        while (await reader.ReadAsync())
        {
            audited.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }
        Assert.Equal([null, .. contacts.Order(StringComparer.Ordinal)], audited.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_idle_watch_outlives_the_minimum_data_rate_grace_period()
    {
        var timeliness = await AlertsUnderTest.StartAsync(server);
        await using var alerts = await AlertsServer.StartAsync(timeliness);
        using var watch = alerts.Watch(new WatchAlertsRequest());

        // Longer than Kestrel's 5 s grace, during which the stream carries nothing.
        await Task.Delay(TimeSpan.FromSeconds(8));
        var contactId = (await BreachAsync(timeliness, 1, Start))[0];

        Assert.Equal(contactId, Assert.Single(await AlertsServer.ReadAsync(watch, 1)).ContactId);
    }
}
