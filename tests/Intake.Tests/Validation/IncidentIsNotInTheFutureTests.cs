using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class IncidentIsNotInTheFutureTests
{
    private static readonly DateTimeOffset Now = TestContacts.ReceivedAt;

    private static Contact At(Timestamp incidentAt)
    {
        var contact = TestContacts.Contact();
        contact.IncidentAt = incidentAt;
        return contact;
    }

    private static Contact At(DateTimeOffset incidentAt) => At(Timestamp.FromDateTimeOffset(incidentAt));

    [Fact]
    public void A_contact_without_an_incident_time_passes() =>
        Assert.Empty(IncidentIsNotInTheFuture.Check(TestContacts.Contact(), Now));

    [Fact]
    public void An_incident_in_the_past_passes() =>
        Assert.Empty(IncidentIsNotInTheFuture.Check(At(Now.AddDays(-3)), Now));

    [Fact]
    public void An_incident_within_the_clock_skew_passes() =>
        Assert.Empty(IncidentIsNotInTheFuture.Check(At(Now + IncidentIsNotInTheFuture.ClockSkew), Now));

    [Theory]
    [InlineData(1)]
    [InlineData(60 * 24)]
    public void An_incident_beyond_the_clock_skew_is_at_fault(int minutesPastTheSkew) =>
        ViolationAssert.Fields(IncidentIsNotInTheFuture.Check(At(Now + IncidentIsNotInTheFuture.ClockSkew + TimeSpan.FromMinutes(minutesPastTheSkew)), Now),
            "contact.incident_at");

    [Theory]
    [InlineData(0, -1)]
    [InlineData(0, 1_000_000_000)]
    [InlineData(-62_135_596_801, 0)]
    [InlineData(253_402_300_800, 0)]
    public void A_timestamp_no_instant_has_is_at_fault(long seconds, int nanos) =>
        ViolationAssert.Fields(IncidentIsNotInTheFuture.Check(At(new Timestamp { Seconds = seconds, Nanos = nanos }), Now), "contact.incident_at");

    [Fact]
    public void The_earliest_timestamp_passes() =>
        Assert.Empty(IncidentIsNotInTheFuture.Check(At(new Timestamp { Seconds = -62_135_596_800 }), Now));
}
