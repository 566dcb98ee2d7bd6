using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Grpc;

namespace Mash.Triage.Tests.Grpc;

public class TriageRequestRulesTests
{
    private static RateContactRequest Rating() => new() { ContactId = "c-1", Rag = Rag.Red, Reason = "injury" };

    private static RecordDecisionRequest Decision() => new() { ContactId = "c-1", ThresholdMet = true, Rationale = "harm" };

    private static string[] Fields(IReadOnlyList<Google.Rpc.BadRequest.Types.FieldViolation> violations) => [.. violations.Select(v => v.Field)];

    [Fact]
    public void A_complete_rating_is_well_formed() => Assert.Empty(TriageRequestRules.RateContact(Rating()));

    [Fact]
    public void A_rating_without_a_reason_is_well_formed()
    {
        var request = Rating();
        request.Reason = "";

        Assert.Empty(TriageRequestRules.RateContact(request));
    }

    [Fact]
    public void A_rating_needs_a_contact_id()
    {
        var request = Rating();
        request.ContactId = " ";

        Assert.Equal(["contact_id"], Fields(TriageRequestRules.RateContact(request)));
    }

    [Theory]
    [InlineData(Rag.Unspecified)]
    [InlineData((Rag)7)]
    public void A_rating_needs_red_amber_or_green(Rag rag)
    {
        var request = Rating();
        request.Rag = rag;

        Assert.Equal(["rag"], Fields(TriageRequestRules.RateContact(request)));
    }

    [Fact]
    public void Every_field_at_fault_is_named() =>
        Assert.Equal(["contact_id", "rag"], Fields(TriageRequestRules.RateContact(new RateContactRequest())));

    [Fact]
    public void A_complete_decision_is_well_formed() => Assert.Empty(TriageRequestRules.RecordDecision(Decision()));

    [Fact]
    public void A_decision_needs_a_contact_id()
    {
        var request = Decision();
        request.ContactId = "";

        Assert.Equal(["contact_id"], Fields(TriageRequestRules.RecordDecision(request)));
    }

    [Fact]
    public void A_decision_needs_a_rationale()
    {
        var request = Decision();
        request.Rationale = " ";

        Assert.Equal(["rationale"], Fields(TriageRequestRules.RecordDecision(request)));
    }

    [Fact]
    public void A_queue_page_size_of_zero_asks_for_the_default() => Assert.Empty(TriageRequestRules.ListQueue(new ListQueueRequest()));

    [Fact]
    public void A_negative_queue_page_size_is_refused() =>
        Assert.Equal(["page_size"], Fields(TriageRequestRules.ListQueue(new ListQueueRequest { PageSize = -1 })));
}
