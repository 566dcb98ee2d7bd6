using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Events.V1;
using Mash.Contracts.Triage.V1;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Escalations;

/// <summary>Point 5 (R4): disagreements and challenges, who raised them, about what, how resolved; counts by agency and resolution.</summary>
[Collection(TriageDatabaseCollection.Name)]
public class EscalationTests(TriageDatabase database)
{
    private readonly TriageUnderTest triage = new(database);
    private readonly TestCallContext practitioner = Callers.Practitioner("sw-6");
    private readonly TestCallContext manager = Callers.Manager("mgr-1");

    private Task<Escalation> RaiseAsync(string contactId, string agency, EscalationKind kind = EscalationKind.BetweenAgencies, string about = "rag") =>
        triage.Service.RaiseEscalation(new RaiseEscalationRequest { ContactId = contactId, Kind = kind, RaisedByAgency = agency, About = about, Detail = "Health thinks Amber, not Green" }, practitioner);

    private Task<Escalation> ResolveAsync(string escalationId, string resolution) =>
        triage.Service.ResolveEscalation(new ResolveEscalationRequest { EscalationId = escalationId, Resolution = resolution, Note = "agreed at MASH meeting" }, manager);

    [Fact]
    public async Task An_escalation_is_kept_resolved_listed_and_announced()
    {
        var health = triage.NewAgency();
        var received = await triage.ReceiveAsync();
        var raised = await RaiseAsync(received.ContactId, health);
        triage.Time.Now = triage.Time.Now.AddHours(2);

        var resolved = await ResolveAsync(raised.EscalationId, "upheld");

        Assert.Equal(("sw-6", health, "rag", "upheld", "mgr-1", triage.Time.Now),
            (resolved.RaisedBy, resolved.RaisedByAgency, resolved.About, resolved.Resolution, resolved.ResolvedBy, resolved.ResolvedAt.ToDateTimeOffset()));
        Assert.Equal(raised.EscalationId, Assert.Single((await triage.Service.ListEscalations(new ListEscalationsRequest { ContactId = received.ContactId }, practitioner)).Escalations).EscalationId);
        Assert.Equal("ESCALATION_KIND_BETWEEN_AGENCIES", Assert.Single(await database.OutboxAsync<EscalationRaised>(received.ContactId, e => e.ContactId)).Kind);
        Assert.Equal("upheld", Assert.Single(await database.OutboxAsync<EscalationResolved>(received.ContactId, e => e.ContactId)).Resolution);
    }

    [Fact]
    public async Task Escalations_are_counted_by_agency_kind_and_resolution()
    {
        var health = triage.NewAgency();
        var first = await RaiseAsync((await triage.ReceiveAsync()).ContactId, health);
        var second = await RaiseAsync((await triage.ReceiveAsync()).ContactId, health);
        await RaiseAsync((await triage.ReceiveAsync()).ContactId, health);
        await ResolveAsync(first.EscalationId, "upheld");
        await ResolveAsync(second.EscalationId, "upheld");

        var counts = await triage.Service.CountEscalations(new CountEscalationsRequest
        {
            Window = new() { From = Timestamp.FromDateTimeOffset(triage.Time.Now.AddDays(-1)), To = Timestamp.FromDateTimeOffset(triage.Time.Now.AddDays(1)) },
        }, practitioner);

        Assert.Equal([("", 1L), ("upheld", 2L)], counts.Counts.Where(c => c.AgencyId == health).Select(c => (c.Resolution, c.Count)));
    }

    [Fact]
    public async Task A_referrer_challenges_only_a_decision_made()
    {
        var received = await triage.ReceiveAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => RaiseAsync(received.ContactId, "police-west", EscalationKind.ReferrerChallenge, "threshold-decision"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task The_referring_agency_challenges_a_decision()
    {
        var received = await triage.ReceiveAsync();
        await triage.Service.RateContact(new RateContactRequest { ContactId = received.ContactId, Rag = Rag.Green }, practitioner);
        await triage.Service.RecordDecision(new RecordDecisionRequest { ContactId = received.ContactId, Rationale = "advice only" }, practitioner);

        var challenge = await RaiseAsync(received.ContactId, "police-west", EscalationKind.ReferrerChallenge, "threshold-decision");
        var notReferrer = await Assert.ThrowsAsync<RpcException>(() => RaiseAsync(received.ContactId, "health-north", EscalationKind.ReferrerChallenge, "threshold-decision"));

        Assert.Equal(EscalationKind.ReferrerChallenge, challenge.Kind);
        Assert.Equal("raised_by_agency", Assert.Single(notReferrer.GetRpcStatus()!.Details).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task A_subject_or_resolution_the_partnership_does_not_use_is_an_invalid_argument()
    {
        var received = await triage.ReceiveAsync();
        var subject = await Assert.ThrowsAsync<RpcException>(() => RaiseAsync(received.ContactId, "health-north", about: "parking"));
        var raised = await RaiseAsync(received.ContactId, "health-north");

        var resolution = await Assert.ThrowsAsync<RpcException>(() => ResolveAsync(raised.EscalationId, "shrugged"));

        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (subject.StatusCode, resolution.StatusCode));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM escalations WHERE contact_id = $1 AND resolution IS NULL", received.ContactId));
    }

    [Fact]
    public async Task An_agency_raising_as_another_is_denied_on_record_and_nothing_changes()
    {
        var received = await triage.ReceiveAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.RaiseEscalation(new RaiseEscalationRequest
        {
            ContactId = received.ContactId, Kind = EscalationKind.BetweenAgencies, RaisedByAgency = "health-north", About = "rag", Detail = "we disagree",
        }, Callers.Agency("police-west")));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM escalations WHERE contact_id = $1", received.ContactId));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM audit_log WHERE actor_id = 'police-west' AND record_id = $1 AND outcome = 'denied'", received.ContactId));
    }

    [Fact]
    public async Task A_second_different_resolution_fails_its_precondition()
    {
        var raised = await RaiseAsync((await triage.ReceiveAsync()).ContactId, "health-north");
        await ResolveAsync(raised.EscalationId, "upheld");

        var error = await Assert.ThrowsAsync<RpcException>(() => ResolveAsync(raised.EscalationId, "withdrawn"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
    }

    [Fact]
    public async Task The_escalations_of_an_unknown_contact_are_not_found()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => triage.Service.ListEscalations(new ListEscalationsRequest { ContactId = Guid.NewGuid().ToString() }, practitioner));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task An_escalation_about_an_unknown_contact_or_unknown_escalation_is_not_found()
    {
        var contact = await Assert.ThrowsAsync<RpcException>(() => RaiseAsync(Guid.NewGuid().ToString(), "health-north"));
        var escalation = await Assert.ThrowsAsync<RpcException>(() => ResolveAsync(Guid.NewGuid().ToString(), "upheld"));

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (contact.StatusCode, escalation.StatusCode));
    }
}
