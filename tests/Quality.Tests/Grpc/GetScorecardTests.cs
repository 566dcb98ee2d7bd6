using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;
using Mash.Quality.Grpc;
using Mash.Quality.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;
using static Mash.Quality.Tests.Indicators.TestFacts;

namespace Mash.Quality.Tests.Grpc;

[Collection(QualityDatabaseCollection.Name)]
public sealed class GetScorecardTests(QualityDatabase database)
{
    [Fact]
    public async Task The_scorecard_counts_the_periods_facts()
    {
        var dataSource = await database.CreateDatabaseAsync();
        var store = new FactStore();
        await dataSource.InTransactionAsync(async t =>
        {
            await store.RecordContactAsync(t, Contact("c1", "police-west"), CancellationToken.None);
            await store.RecordRatingAsync(t, Rating("c1", Rag.Red), CancellationToken.None);
            await store.RecordOutcomeAsync(t, Referral("r1", isRepeatReferral: true), CancellationToken.None);
            await store.RecordOutcomeAsync(t, Referral("r2", isRepeatReferral: false), CancellationToken.None);
            await store.RecordDecisionTimingAsync(t, Timing("c1", true), CancellationToken.None);
        });

        var card = await new QualityGrpcService(new FactReader(dataSource)).GetScorecard(new GetScorecardRequest(), new TestCallContext());

        Assert.Equal(1, card.ContactsByAgency["police-west"]);
        Assert.Equal(1, card.ContactsByRag["RAG_RED"]);
        Assert.Equal(2, card.Outcomes["strategy-discussion"]);
        Assert.Equal((2, 1, 0.5), (card.Referrals, card.RepeatReferrals, card.RepeatReferralRate));
        Assert.Equal((1, 1, 1.0), (card.DecisionsTimed, card.DecisionsWithinTarget, card.ShareWithinTarget));
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_invalid_argument_naming_to()
    {
        var service = new QualityGrpcService(new FactReader(await database.CreateDatabaseAsync()));
        var now = Timestamp.FromDateTime(Monday);
        var error = await Assert.ThrowsAsync<RpcException>(() => service.GetScorecard(new GetScorecardRequest { From = now, To = now }, new TestCallContext()));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("to", error.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Single().Field);
    }
}
