using Mash.Contracts.Common.V1;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Triage.Grpc;
using Mash.Triage.Queue;

namespace Mash.Triage.Tests.Grpc;

public class TriageRequestRulesTests
{
    private static readonly string ContactId = Guid.NewGuid().ToString();

    private static RateContactRequest Rating() => new() { ContactId = ContactId, Rag = Rag.Red, Reason = "injury" };

    private static RecordDecisionRequest Decision() => new() { ContactId = ContactId, ThresholdMet = true, Rationale = "harm" };

    private static readonly QueueOptions Queue = new() { DefaultPageSize = 50, MaxPageSize = 500 };

    private static readonly AgencyCredentials Agencies = new([("health-north", AgencyCredentials.HashOf("a-token-no-test-presents"))]);

    private static string[] ListQueue(ListQueueRequest request, Vocabulary? vocabulary = null) =>
        Fields(TriageRequestRules.ListQueue(request, Queue, vocabulary ?? DefaultVocabulary.Load()));

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

    [Theory]
    [InlineData("c-1")]
    [InlineData("not-a-uuid")]
    public void A_contact_id_that_is_not_one_intake_gave_is_refused(string contactId)
    {
        var request = Rating();
        request.ContactId = contactId;

        Assert.Equal(["contact_id"], Fields(TriageRequestRules.RateContact(request)));
        Assert.Equal(["contact_id"], Fields(TriageRequestRules.ContactOnly(contactId)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public void A_queue_page_size_from_zero_to_the_maximum_is_well_formed(int pageSize) => Assert.Empty(ListQueue(new ListQueueRequest { PageSize = pageSize }));

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    [InlineData(int.MaxValue)]
    public void A_queue_page_size_below_zero_or_above_the_maximum_is_refused(int pageSize) =>
        Assert.Equal(["page_size"], ListQueue(new ListQueueRequest { PageSize = pageSize }));

    [Fact]
    public void The_queue_is_filtered_by_the_partnerships_contact_types() =>
        Assert.Empty(ListQueue(new ListQueueRequest { ContactTypes = { "concern", "information-request" } }));

    [Fact]
    public void A_contact_type_the_partnership_does_not_have_is_refused() =>
        Assert.Equal(["contact_types"], ListQueue(new ListQueueRequest { ContactTypes = { "concern", "conern" } }));

    [Fact]
    public void Without_contact_types_in_the_vocabulary_any_is_a_filter() =>
        Assert.Empty(ListQueue(new ListQueueRequest { ContactTypes = { "anything" } }, new Vocabulary()));

    [Fact]
    public void Information_is_asked_of_one_of_the_partnerships_agencies() => Assert.Empty(TriageRequestRules.RequestInformation(
        new RequestInformationRequest { ContactId = ContactId, AgencyId = "health-north", Question = "GP?" }, Agencies));

    [Theory]
    [InlineData("health-south")]
    [InlineData("Health-North")]
    public void Information_asked_of_an_agency_the_partnership_does_not_have_is_refused(string agencyId) =>
        Assert.Equal(["agency_id"], Fields(TriageRequestRules.RequestInformation(
            new RequestInformationRequest { ContactId = ContactId, AgencyId = agencyId, Question = "GP?" }, Agencies)));
}
