using Google.Protobuf.WellKnownTypes;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class ReceivedAtOnlyFromAnImporterTests
{
    private static SubmitContactRequest Imported()
    {
        var request = TestContacts.Request();
        request.ReceivedAt = Timestamp.FromDateTimeOffset(TestContacts.ReceivedAt.AddDays(-200));
        return request;
    }

    [Fact]
    public void An_importer_may_give_the_original_receipt() =>
        Assert.Empty(ReceivedAtOnlyFromAnImporter.Check(Imported(), isImporter: true));

    [Fact]
    public void An_agency_giving_a_receipt_time_is_at_fault() =>
        ViolationAssert.Fields(ReceivedAtOnlyFromAnImporter.Check(Imported(), isImporter: false), "received_at");

    [Fact]
    public void An_agency_giving_none_passes() =>
        Assert.Empty(ReceivedAtOnlyFromAnImporter.Check(TestContacts.Request(), isImporter: false));
}
