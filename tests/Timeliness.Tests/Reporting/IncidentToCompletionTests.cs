using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Testing.Messaging;
using Mash.Timeliness.Consumers;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>
/// Incident to completed multi-agency process (T5): from the incident a contact reports
/// (ContactReceived.incident_at) to its threshold decision, within 24 hours, by the period of the
/// incident and the referring agency; each event counted once, in whatever order they arrive.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class IncidentToCompletionTests(TimelinessDatabase database)
{
    private static readonly DateTimeOffset Incident = Bst(2025, 6, 14, 22);
    private readonly TimelinessUnderTest timeliness = new(database);
    private readonly TestCallContext context = TestCallContext.ByStaff("mgr-1", [Mash.ServiceDefaults.MashRoles.BoardMember]);
    // Each test's own agency, so contacts from other tests in the shared database do not mix in.
    private readonly string agency = $"police-{Guid.NewGuid():N}";
    // The clocks' own consumer of ContactReceived keeps the incident with the receipt.
    private ContactReceivedConsumer Receipts => new(timeliness.Recorder);

    /// <summary>A contact reporting an incident at <see cref="Incident"/>, received an hour later.</summary>
    private async Task<string> ReportAsync(DateTimeOffset? incidentAt = null)
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await Receipts.Consume(DeliveredBatch.Of(TimelinessUnderTest.Received(contactId, Incident.AddHours(1), agency, incidentAt ?? Incident)));
        return contactId;
    }

    private Task DecideAsync(string contactId, TimeSpan afterIncident) =>
        timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Incident + afterIncident));

    private async Task<IncidentToCompletion> CountAsync() => await timeliness.Service.GetIncidentToCompletion(new GetIncidentToCompletionRequest
    {
        From = Timestamp.FromDateTimeOffset(Bst(2025, 6, 1)), To = Timestamp.FromDateTimeOffset(Bst(2025, 7, 1)), AgencyId = agency,
    }, context);

    private static (long Incidents, long WithinTarget, long Later, long Open) Counted(IncidentToCompletion completion)
    {
        var count = Assert.Single(completion.Counts);
        return (count.Incidents, count.WithinTarget, count.Later, count.Open);
    }

    [Fact]
    public async Task Incidents_are_counted_as_completed_within_24_hours_later_or_not_yet_the_24th_hour_inside()
    {
        await DecideAsync(await ReportAsync(), TimeSpan.FromHours(20));
        await DecideAsync(await ReportAsync(), TimeSpan.FromHours(24));
        await DecideAsync(await ReportAsync(), TimeSpan.FromHours(24.02));
        await ReportAsync();

        var completion = await CountAsync();

        Assert.Equal((4L, 2L, 1L, 1L), Counted(completion));
        Assert.Equal(TimeSpan.FromHours(24), completion.Target.ToTimeSpan());
        Assert.Equal(Timestamp.FromDateTimeOffset(Bst(2025, 6, 1)), completion.Counts[0].PeriodStart);
        Assert.Equal(agency, completion.Counts[0].AgencyId);
    }

    [Fact]
    public async Task A_contact_without_an_incident_time_is_not_counted()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await Receipts.Consume(DeliveredBatch.Of(TimelinessUnderTest.Received(contactId, Incident, agency)));
        await DecideAsync(contactId, TimeSpan.FromHours(2));

        Assert.Empty((await CountAsync()).Counts);
    }

    [Fact]
    public async Task A_decision_that_arrives_before_the_contact_is_counted_once_the_contact_arrives()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await DecideAsync(contactId, TimeSpan.FromHours(3));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Incident.AddHours(2)));

        await Receipts.Consume(DeliveredBatch.Of(TimelinessUnderTest.Received(contactId, Incident.AddHours(1), agency, Incident)));

        Assert.Equal((1L, 1L, 0L, 0L), Counted(await CountAsync()));
    }

    [Fact]
    public async Task The_incident_stays_as_ratings_and_the_decision_arrive_after_the_contact()
    {
        var contactId = await ReportAsync();
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Amber, Incident.AddHours(2)));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Incident.AddHours(3)));
        await DecideAsync(contactId, TimeSpan.FromHours(30));

        Assert.Equal((1L, 0L, 1L, 0L), Counted(await CountAsync()));
    }

    [Fact]
    public async Task A_redelivered_contact_is_counted_once()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        var received = TimelinessUnderTest.Received(contactId, Incident.AddHours(1), agency, Incident);
        await Receipts.Consume(DeliveredBatch.Of(received, received));

        await Receipts.Consume(DeliveredBatch.Of(received));

        Assert.Equal((1L, 0L, 0L, 1L), Counted(await CountAsync()));
    }

    [Fact]
    public async Task An_incident_counts_in_the_local_period_it_happened_in()
    {
        await DecideAsync(await ReportAsync(Bst(2025, 5, 31, 23, 30)), TimeSpan.FromHours(2));

        Assert.Empty((await CountAsync()).Counts);
    }
}
