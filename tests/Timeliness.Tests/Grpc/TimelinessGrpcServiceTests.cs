using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Timeliness.V1;
using Mash.Timeliness.Tests.Infrastructure;
using Grpc.Core;
using Google.Rpc;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Grpc;

[Collection(TimelinessDatabaseCollection.Name)]
public class TimelinessGrpcServiceTests(TimelinessDatabase database)
{
    private static readonly DateTimeOffset Monday = Bst(2025, 6, 2, 10);
    private readonly TimelinessUnderTest timeliness = new(database);
    private readonly TestCallContext context = TestCallContext.ByStaff("sw-1", [Mash.ServiceDefaults.MashRoles.Practitioner]);

    private Task<Clock> GetClockAsync(string contactId) => timeliness.Service.GetClock(new GetClockRequest { ContactId = contactId }, context);

    [Fact]
    public async Task A_contact_nothing_is_known_of_has_no_clock()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GetClockAsync(TimelinessUnderTest.NewContactId()));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    public async Task A_clock_is_asked_for_by_a_contact_id_Intake_gave(string contactId)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => GetClockAsync(contactId));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("contact_id", Assert.Single(Assert.Single(error.GetRpcStatus()!.Details).Unpack<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task A_received_contact_s_clock_runs_with_no_deadline_until_rated()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));

        var clock = await GetClockAsync(contactId);

        Assert.Equal(Timestamp.FromDateTimeOffset(Monday), clock.StartedAt);
        Assert.Equal((Rag.Unspecified, (Timestamp?)null, (Timestamp?)null), (clock.Rag, clock.DueAt, clock.DecidedAt));
    }

    [Fact]
    public async Task A_rated_contact_s_clock_runs_to_its_deadline()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Amber, Monday.AddMinutes(10)));

        var clock = await GetClockAsync(contactId);

        Assert.Equal((Rag.Amber, Timestamp.FromDateTimeOffset(Monday.AddHours(24))), (clock.Rag, clock.DueAt));
        Assert.Null(clock.DecidedAt);
    }

    [Fact]
    public async Task A_decision_waiting_for_its_rating_is_not_shown_as_decided()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Monday.AddHours(1)));

        var clock = await GetClockAsync(contactId);

        Assert.Null(clock.DecidedAt);
        Assert.False(clock.WithinTarget);
    }

    [Fact]
    public async Task A_stopped_clock_shows_the_decision_and_whether_it_was_within_target()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Monday));
        await timeliness.RecordAsync(TimelinessUnderTest.Rated(contactId, Rag.Red, Monday.AddMinutes(10)));
        await timeliness.RecordAsync(TimelinessUnderTest.Decided(contactId, Monday.AddHours(1)));

        var clock = await GetClockAsync(contactId);

        Assert.Equal(Timestamp.FromDateTimeOffset(Monday.AddHours(1)), clock.DecidedAt);
        Assert.True(clock.WithinTarget);
    }

    [Fact]
    public async Task The_targets_in_force_are_the_configured_ones()
    {
        var targets = await timeliness.Service.GetTargets(new GetTargetsRequest(), context);

        Assert.Equal(
            [
                new RagTarget { Rag = Rag.Red, Elapsed = Duration.FromTimeSpan(TimeSpan.FromHours(4)), Label = "Red" },
                new RagTarget { Rag = Rag.Amber, Elapsed = Duration.FromTimeSpan(TimeSpan.FromHours(24)), Label = "Amber" },
                new RagTarget { Rag = Rag.Green, WorkingDays = 5, Label = "Green" },
            ],
            targets.Targets_);
    }

    [Fact]
    public async Task The_targets_in_force_are_today_s_when_they_change_over_time()
    {
        var options = TestTargets.Options();
        options.TargetChanges = [new() { From = new DateOnly(2026, 4, 1), Red = "2 hours", Amber = "24 hours", Green = "none" }];
        var service = timeliness.ServiceWith(Mash.Timeliness.Timing.Deadlines.From(options));

        timeliness.Time.Now = Bst(2026, 6, 1, 9);
        var targets = await service.GetTargets(new GetTargetsRequest(), context);

        Assert.Equal(
            [
                new RagTarget { Rag = Rag.Red, Elapsed = Duration.FromTimeSpan(TimeSpan.FromHours(2)), Label = "Red" },
                new RagTarget { Rag = Rag.Amber, Elapsed = Duration.FromTimeSpan(TimeSpan.FromHours(24)), Label = "Amber" },
                new RagTarget { Rag = Rag.Green, NoTarget = true, Label = "Green" },
            ],
            targets.Targets_);
    }
}
