using Mash.Contracts.Events.V1;
using Mash.Outcomes.Consumers;
using Mash.Outcomes.Tests.Infrastructure;
using Mash.Testing.Messaging;

namespace Mash.Outcomes.Tests.Consumers;

/// <summary>O2: the agencies that answered Triage's information requests contributed to the contact, and are owed its outcome (O4).</summary>
[Collection(OutcomesDatabaseCollection.Name)]
public sealed class InformationProvidedConsumerTests(OutcomesDatabase database)
{
    private static InformationProvided Provided(string agencyId) => new()
    {
        EventId = Guid.NewGuid().ToString(), RequestId = Guid.NewGuid().ToString(), ContactId = "c1", AgencyId = agencyId,
        OccurredAt = OutcomesUnderTest.NowTimestamp,
    };

    [Fact]
    public async Task Each_answering_agency_contributes_once_and_appears_on_the_outcome()
    {
        var outcomes = new OutcomesUnderTest(await database.CreateDatabaseAsync());
        var consumer = new InformationProvidedConsumer(outcomes.DataSource, outcomes.Agencies);
        var answer = Provided("school-9");

        await consumer.Consume(DeliveredBatch.Of(answer, Provided("health-east"), Provided("school-9")));
        await consumer.Consume(DeliveredBatch.Of(answer));
        await outcomes.ContactAsync("c1");
        await outcomes.Recorder.RecordAsync("c1", "advice", "sw-1", CancellationToken.None);

        Assert.Equal(2, await outcomes.DataSource.CountAsync("contributions"));
        Assert.Equal(["health-east", "school-9"], Assert.Single(await outcomes.OutboxAsync()).ContributingAgencyIds);
    }
}
