using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Quality.Consumers;
using Mash.Quality.Facts;
using Mash.Quality.Live;
using Mash.Quality.Tests.Infrastructure;
using Mash.Testing.Messaging;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Consumers;

/// <summary>OutcomeRecorded gives O1's outcome and O3's facts: whether the case was a referral, and a repeat one.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class OutcomeRecordedConsumerTests(QualityDatabase database)
{
    [Fact]
    public async Task Each_outcome_records_whether_it_was_a_referral_and_a_repeat_referral()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var consumer = new OutcomeRecordedConsumer(dataSource, new FactStore(), new DepthStore(), new FactChanges());

        await consumer.Consume(DeliveredBatch.Of(Recorded("repeat", thresholdMet: true, isRepeatReferral: true)));
        await consumer.Consume(DeliveredBatch.Of(Recorded("first", thresholdMet: true, isRepeatReferral: false)));
        await consumer.Consume(DeliveredBatch.Of(Recorded("advice", thresholdMet: false, isRepeatReferral: true)));

        var outcomes = (await new FactReader(dataSource).ReadAsync(Period.All, CancellationToken.None)).Outcomes;
        Assert.Equal([("advice", false, true), ("first", true, false), ("repeat", true, true)],
            outcomes.Select(o => (o.CaseRef, o.ThresholdMet, o.IsRepeatReferral)).Order());
    }

    private static OutcomeRecorded Recorded(string caseRef, bool thresholdMet, bool isRepeatReferral) => new()
    {
        EventId = Guid.NewGuid().ToString(),
        CaseRef = caseRef,
        Outcome = thresholdMet ? "strategy-discussion" : "advice",
        ThresholdMet = thresholdMet,
        IsRepeatReferral = isRepeatReferral,
        OccurredAt = Timestamp.FromDateTime(Monday),
        RecordedAt = Timestamp.FromDateTime(Monday),
    };
}
