using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Testing.Messaging;
using Mash.Timeliness.Consumers;
using Mash.Timeliness.Tests.Infrastructure;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Reporting;

/// <summary>
/// Partner agencies' response times (T2) from Triage's InformationRequested and InformationProvided,
/// in Walsall's bands (within 4 h, 4-7 h, 7-15 h, later), by the period the request was made and
/// the agency asked; each event counted once, in whatever order they arrive.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public class ResponseTimesTests(TimelinessDatabase database)
{
    private static readonly DateTimeOffset Asked = Bst(2025, 6, 10, 9);
    private readonly TimelinessUnderTest timeliness = new(database);
    private readonly TestCallContext context = TestCallContext.ByStaff("mgr-1", [Mash.ServiceDefaults.MashRoles.QualityLead]);
    // Each test's own agency, so requests from other tests in the shared database do not mix in.
    private readonly string agency = $"agency-{Guid.NewGuid():N}";
    private InformationRequestConsumer Requests => new(database.DataSource);
    private InformationRequestConsumer Answers => Requests;

    private InformationRequested Requested(string requestId, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid().ToString(), RequestId = requestId, ContactId = "c-1", AgencyId = agency, RequestedBy = "sw-1",
        OccurredAt = Timestamp.FromDateTimeOffset(at), RecordedAt = Timestamp.FromDateTimeOffset(at),
    };

    private InformationProvided Provided(string requestId, DateTimeOffset requestedAt, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid().ToString(), RequestId = requestId, ContactId = "c-1", AgencyId = agency, ResponseBand = "Triage's own",
        RequestedAt = Timestamp.FromDateTimeOffset(requestedAt), OccurredAt = Timestamp.FromDateTimeOffset(at), RecordedAt = Timestamp.FromDateTimeOffset(at),
    };

    /// <summary>A request made at <see cref="Asked"/> and answered <paramref name="after"/> it (never, if null), each event delivered once.</summary>
    private async Task AskAsync(TimeSpan? after)
    {
        var requestId = Guid.NewGuid().ToString();
        await Requests.Consume(DeliveredBatch.Of(Requested(requestId, Asked)));
        if (after is { } answeredAfter)
        {
            await Answers.Consume(DeliveredBatch.Of(Provided(requestId, Asked, Asked + answeredAfter)));
        }
    }

    private async Task<ResponseTimeCount> TheOnlyCountAsync(DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var times = await timeliness.Service.GetResponseTimes(new GetResponseTimesRequest
        {
            From = Timestamp.FromDateTimeOffset(from ?? Bst(2025, 6, 1)), To = Timestamp.FromDateTimeOffset(to ?? Bst(2025, 7, 1)), AgencyId = agency,
        }, context);
        return Assert.Single(times.Counts);
    }

    private static long[] Answered(ResponseTimeCount count) => [.. count.Bands.Select(b => b.Answered)];

    [Fact]
    public async Task Answers_fall_in_walsall_s_bands_each_bound_inside_its_band()
    {
        foreach (var hours in new[] { 1, 4, 4.02, 7, 7.5, 15, 15.02, 40 })
        {
            await AskAsync(TimeSpan.FromHours(hours));
        }

        var count = await TheOnlyCountAsync();

        Assert.Equal([2L, 2, 2, 2], Answered(count));
        Assert.Equal((8L, 0L), (count.Requested, count.Unanswered));
    }

    [Fact]
    public async Task The_bands_say_their_bounds_the_first_from_the_request_the_last_without_an_end()
    {
        await AskAsync(TimeSpan.FromHours(1));

        var bands = (await TheOnlyCountAsync()).Bands;

        Assert.Equal([null, 4, 7, 15], bands.Select(b => b.Over?.ToTimeSpan().TotalHours));
        Assert.Equal([4, 7, 15, null], bands.Select(b => b.Within?.ToTimeSpan().TotalHours));
    }

    [Fact]
    public async Task A_request_not_answered_yet_counts_as_requested_and_unanswered()
    {
        await AskAsync(null);
        await AskAsync(TimeSpan.FromHours(2));

        var count = await TheOnlyCountAsync();

        Assert.Equal((2L, 1L), (count.Requested, count.Unanswered));
        Assert.Equal([1L, 0, 0, 0], Answered(count));
    }

    [Fact]
    public async Task An_answer_that_overtakes_its_request_is_counted_once_when_the_request_arrives()
    {
        var requestId = Guid.NewGuid().ToString();
        await Answers.Consume(DeliveredBatch.Of(Provided(requestId, Asked, Asked.AddHours(5))));
        var alone = await TheOnlyCountAsync();
        Assert.Equal([0L, 1, 0, 0], Answered(alone));

        await Requests.Consume(DeliveredBatch.Of(Requested(requestId, Asked)));

        var count = await TheOnlyCountAsync();
        Assert.Equal((1L, 0L), (count.Requested, count.Unanswered));
        Assert.Equal([0L, 1, 0, 0], Answered(count));
    }

    [Fact]
    public async Task Redelivered_events_are_counted_once()
    {
        var requestId = Guid.NewGuid().ToString();
        var requested = Requested(requestId, Asked);
        var provided = Provided(requestId, Asked, Asked.AddHours(10));
        await Requests.Consume(DeliveredBatch.Of(requested));
        await Answers.Consume(DeliveredBatch.Of(provided, provided));

        await Requests.Consume(DeliveredBatch.Of(requested));
        await Answers.Consume(DeliveredBatch.Of(provided));

        var count = await TheOnlyCountAsync();
        Assert.Equal((1L, 0L), (count.Requested, count.Unanswered));
        Assert.Equal([0L, 0, 1, 0], Answered(count));
    }

    [Fact]
    public async Task A_request_counts_in_the_local_period_it_was_made_in_not_answered_in()
    {
        var requestId = Guid.NewGuid().ToString();
        await Requests.Consume(DeliveredBatch.Of(Requested(requestId, Bst(2025, 6, 30, 23, 30))));
        await Answers.Consume(DeliveredBatch.Of(Provided(requestId, Bst(2025, 6, 30, 23, 30), Bst(2025, 7, 1, 2))));

        var count = await TheOnlyCountAsync(Bst(2025, 6, 1), Bst(2025, 8, 1));

        Assert.Equal(Timestamp.FromDateTimeOffset(Bst(2025, 6, 1)), count.PeriodStart);
        Assert.Equal([1L, 0, 0, 0], Answered(count));
    }
}
