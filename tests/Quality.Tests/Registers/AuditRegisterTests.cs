using Google.Rpc;
using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Tests.Infrastructure;
using static Mash.Quality.Tests.Registers.RegistersHost;
using static Mash.Quality.Tests.Registers.RequestRulesTests;

namespace Mash.Quality.Tests.Registers;

/// <summary>Q1 and Q2 over gRPC and PostgreSQL: recorded once per request id, listed, read as counts, and a contact named only with its read on record.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class AuditRegisterTests(QualityDatabase database) : IAsyncLifetime
{
    private RegistersHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync(await database.CreateDatabaseAsync());

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static RecordQualityAuditRequest Referral(string agency, string grade, Consent consent, int day) => new(ReferralAudit())
    {
        AgencyId = agency, Grade = grade, Consent = consent, AuditedOn = Day(2025, 5, day), RequestId = Guid.NewGuid().ToString(),
    };

    [Fact]
    public async Task The_quarters_referral_audits_give_each_agencys_grades_and_consent_sought()
    {
        foreach (var audit in new[]
        {
            Referral("police", "good", Consent.Sought, 2), Referral("police", "inadequate", Consent.NotSought, 3),
            Referral("police", "good", Consent.Sought, 4), Referral("school", "outstanding", Consent.NotNeeded, 5),
            // March is the last quarter's.
            new RecordQualityAuditRequest(Referral("school", "good", Consent.NotSought, 5)) { AuditedOn = Day(2025, 3, 31) },
        })
        {
            await host.Client.RecordQualityAuditAsync(audit, QualityLead);
        }
        await host.Client.RecordQualityAuditAsync(new RecordQualityAuditRequest(ReferralAudit()) { Kind = QualityAuditKind.DecisionMaking, AgencyId = "", Consent = Consent.Unspecified, Grade = "requires-improvement" }, Manager);

        var summary = await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), BoardMember);

        Assert.Equal("2025/26 Q1", summary.Period);
        Assert.Equal(
            [(QualityAuditKind.ReferralQuality, "police", 3L, 2L, 1L, 66.7), (QualityAuditKind.ReferralQuality, "school", 1L, 0L, 0L, -1), (QualityAuditKind.DecisionMaking, "", 1L, 0L, 0L, -1)],
            summary.Audits.Select(a => (a.Kind, a.AgencyId, a.Audits, a.ConsentSought, a.ConsentNotSought, a.HasConsentSoughtPercent ? a.ConsentSoughtPercent : -1)));
        Assert.Equal(new Dictionary<string, long> { ["good"] = 2, ["inadequate"] = 1 }, summary.Audits[0].Grades);
    }

    [Fact]
    public async Task Audits_are_listed_newest_first_by_kind_and_agency()
    {
        var first = await host.Client.RecordQualityAuditAsync(Referral("police", "good", Consent.Sought, 2), QualityLead);
        var second = await host.Client.RecordQualityAuditAsync(Referral("police", "inadequate", Consent.NotSought, 6), QualityLead);
        await host.Client.RecordQualityAuditAsync(Referral("school", "good", Consent.Sought, 7), QualityLead);

        var listed = await host.Client.ListQualityAuditsAsync(new ListQualityAuditsRequest { Kind = QualityAuditKind.ReferralQuality, AgencyId = "police" }, BoardMember);

        Assert.Equal([(second.Id, "inadequate", Consent.NotSought, "lead-1"), (first.Id, "good", Consent.Sought, "lead-1")],
            listed.Audits.Select(a => (a.Id, a.Grade, a.Consent, a.RecordedBy)));
    }

    [Fact]
    public async Task A_retried_audit_is_stored_once_and_answers_the_same_id()
    {
        var audit = Referral("police", "good", Consent.Sought, 2);

        var first = await host.Client.RecordQualityAuditAsync(audit, QualityLead);
        var retry = await host.Client.RecordQualityAuditAsync(audit, QualityLead);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(1L, await host.CountAsync("quality_audits"));
    }

    [Fact]
    public async Task A_listing_that_names_a_contact_puts_its_read_on_record()
    {
        var contactId = Guid.NewGuid().ToString();
        await host.Client.RecordQualityAuditAsync(new RecordQualityAuditRequest(Referral("police", "good", Consent.Sought, 2)) { ContactId = contactId }, QualityLead);
        await host.Client.RecordQualityAuditAsync(Referral("school", "good", Consent.Sought, 3), QualityLead);

        var listed = await host.Client.ListQualityAuditsAsync(new ListQualityAuditsRequest(), BoardMember);

        Assert.Equal(contactId, listed.Audits.Single(a => a.AgencyId == "police").ContactId);
        await using var command = host.DataSource.CreateCommand("SELECT actor_id, action, record_id, outcome FROM audit_log");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("board-1", "/mash.quality.v1.RegistersService/ListQualityAudits", contactId, "allowed"), (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task A_referral_audit_without_consent_is_INVALID_ARGUMENT_naming_consent_and_stores_nothing()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.RecordQualityAuditAsync(Referral("police", "good", Consent.Unspecified, 2), QualityLead));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["consent"], refused.GetRpcStatus()!.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0L, await host.CountAsync("quality_audits"));
    }
}
