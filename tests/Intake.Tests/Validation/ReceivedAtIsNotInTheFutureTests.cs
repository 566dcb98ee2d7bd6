using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class ReceivedAtIsNotInTheFutureTests
{
    private static readonly DateTimeOffset Now = TestContacts.ReceivedAt;

    private static SubmitContactRequest ReceivedAt(Timestamp at)
    {
        var request = TestContacts.Request();
        request.ReceivedAt = at;
        return request;
    }

    [Fact]
    public void A_past_receipt_passes() =>
        Assert.Empty(ReceivedAtIsNotInTheFuture.Check(ReceivedAt(Timestamp.FromDateTimeOffset(Now.AddYears(-3))), Now));

    [Fact]
    public void A_receipt_now_passes() =>
        Assert.Empty(ReceivedAtIsNotInTheFuture.Check(ReceivedAt(Timestamp.FromDateTimeOffset(Now)), Now));

    [Fact]
    public void A_receipt_to_come_is_at_fault() =>
        ViolationAssert.Fields(ReceivedAtIsNotInTheFuture.Check(ReceivedAt(Timestamp.FromDateTimeOffset(Now.AddSeconds(1))), Now), "received_at");

    [Theory]
    [InlineData(0, -1)]
    [InlineData(-62_135_596_801, 0)]
    public void A_timestamp_no_instant_has_is_at_fault(long seconds, int nanos) =>
        ViolationAssert.Fields(ReceivedAtIsNotInTheFuture.Check(ReceivedAt(new Timestamp { Seconds = seconds, Nanos = nanos }), Now), "received_at");

    [Fact]
    public void No_receipt_time_passes() =>
        Assert.Empty(ReceivedAtIsNotInTheFuture.Check(TestContacts.Request(), Now));
}
