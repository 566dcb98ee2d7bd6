using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Decisions;

/// <summary>Point 6 (D2): a decision says whether the contact becomes a referral, why and who; conversions by agency and period.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class DecisionTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext practitioner = Callers.Practitioner("sw-4");

    private async Task DecideAsync(string contactId, Rag rag, bool thresholdMet)
    {
        await triage.Service.RateContact(new RateContactRequest { ContactId = contactId, Rag = rag }, practitioner);
        await triage.Service.RecordDecision(new RecordDecisionRequest { ContactId = contactId, ThresholdMet = thresholdMet, Rationale = "decided" }, practitioner);
    }

    [Fact]
    public async Task The_decisions_event_carries_the_rag_in_force_the_first_rag_the_agency_and_the_rerating_count()
    {
        var agency = triage.NewAgency();
        var received = await triage.ReceiveAsync(agencyId: agency);
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Green }, practitioner);
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Red, Reason = "disclosure" }, practitioner);

        await triage.Service.RecordDecision(new RecordDecisionRequest { ContactId = received.ContactId, ThresholdMet = true, Rationale = "significant harm" }, practitioner);

        var decided = Assert.Single(await database.OutboxAsync<DecisionRecorded>(received.ContactId, e => e.ContactId));
        Assert.Equal((Rag.Red, Rag.Green, agency, 1, "sw-4", "significant harm"),
            (decided.Rag, decided.InitialRag, decided.AgencyId, decided.RatingChanges, decided.PractitionerId, decided.Rationale));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM threshold_decisions WHERE contact_id = $1 AND rag = 'Red' AND practitioner_id = 'sw-4'", received.ContactId));
    }

    [Fact]
    public async Task Conversions_are_counted_by_agency_and_period()
    {
        var police = triage.NewAgency();
        var school = triage.NewAgency();
        await DecideAsync((await triage.ReceiveAsync(agencyId: police)).ContactId, Rag.Red, thresholdMet: true);
        await DecideAsync((await triage.ReceiveAsync(agencyId: police)).ContactId, Rag.Amber, thresholdMet: true);
        await DecideAsync((await triage.ReceiveAsync(agencyId: police)).ContactId, Rag.Green, thresholdMet: false);
        await DecideAsync((await triage.ReceiveAsync(agencyId: school)).ContactId, Rag.Green, thresholdMet: false);
        await triage.ReceiveAsync(agencyId: school);   // undecided: not counted

        var counts = await triage.Service.CountConversions(new CountConversionsRequest
        {
            Window = new() { From = Timestamp.FromDateTimeOffset(triage.Time.Now.AddDays(-1)), To = Timestamp.FromDateTimeOffset(triage.Time.Now.AddDays(1)), Period = Period.Quarter },
        }, practitioner);

        var quarter = new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var police1 = Assert.Single(counts.Counts, c => c.AgencyId == police);
        var school1 = Assert.Single(counts.Counts, c => c.AgencyId == school);
        Assert.Equal((quarter, 3L, 2L), (police1.PeriodStart.ToDateTimeOffset(), police1.Decided, police1.Referrals));
        Assert.Equal(2.0 / 3, police1.ConversionRate, 6);
        Assert.Equal((1L, 0L, 0.0), (school1.Decided, school1.Referrals, school1.ConversionRate));
    }
}
