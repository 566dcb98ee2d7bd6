using Mash.Importer.Export;
using Mash.Importer.Replay;

namespace Mash.Importer.Tests;

public sealed class CrossRowRulesTests
{
    private static readonly Dictionary<string, ContactStep> Contacts = new()
    {
        ["C-1"] = new ContactStep("contacts.csv", 2, DateTimeOffset.UnixEpoch, "C-1", null!),
    };

    [Fact]
    public void A_second_contact_with_one_id_is_refused() => Assert.NotNull(CrossRowRules.ContactIdIsUnique("C-1", Contacts));

    [Fact]
    public void A_new_contact_id_passes() => Assert.Null(CrossRowRules.ContactIdIsUnique("C-2", Contacts));

    [Fact]
    public void A_step_about_an_imported_contact_passes() => Assert.Null(CrossRowRules.ContactIsImported("C-1", Contacts));

    [Fact]
    public void A_step_about_an_unknown_contact_is_refused() =>
        Assert.Contains("C-9", CrossRowRules.ContactIsImported("C-9", Contacts), StringComparison.Ordinal);

    [Fact]
    public void An_answer_without_its_request_is_refused() =>
        Assert.NotNull(CrossRowRules.RequestIsImported("IR-9", new Dictionary<string, InformationRequestStep>()));

    [Fact]
    public void A_request_is_answered_once() => Assert.NotNull(CrossRowRules.AnsweredOnce("IR-1", new HashSet<string> { "IR-1" }));
}
