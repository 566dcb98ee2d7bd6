using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using Mash.Intake.Validation.Rules;

namespace Mash.Intake.Tests.Validation;

public sealed class EarlierDecidedOnlyFromAnImporterTests
{
    private static SubmitContactRequest Naming(params string[] earlier)
    {
        var request = TestContacts.Request();
        request.EarlierDecidedIds.Add(earlier);
        return request;
    }

    [Fact]
    public void An_importer_may_name_earlier_contacts() =>
        Assert.Empty(EarlierDecidedOnlyFromAnImporter.Check(Naming(Guid.NewGuid().ToString(), Guid.NewGuid().ToString()), isImporter: true));

    [Fact]
    public void An_agency_naming_any_is_at_fault() =>
        ViolationAssert.Fields(EarlierDecidedOnlyFromAnImporter.Check(Naming(Guid.NewGuid().ToString()), isImporter: false), "earlier_decided_ids");

    [Fact]
    public void An_id_that_is_not_a_contact_id_is_named_by_its_place() =>
        ViolationAssert.Fields(EarlierDecidedOnlyFromAnImporter.Check(Naming(Guid.NewGuid().ToString(), "c-17"), isImporter: true), "earlier_decided_ids[1]");

    [Fact]
    public void More_than_the_most_is_at_fault() =>
        ViolationAssert.Fields(
            EarlierDecidedOnlyFromAnImporter.Check(Naming([.. Enumerable.Range(0, EarlierDecidedOnlyFromAnImporter.Most + 1).Select(_ => Guid.NewGuid().ToString())]), isImporter: true),
            "earlier_decided_ids");

    [Fact]
    public void Naming_none_passes() =>
        Assert.Empty(EarlierDecidedOnlyFromAnImporter.Check(TestContacts.Request(), isImporter: false));
}
