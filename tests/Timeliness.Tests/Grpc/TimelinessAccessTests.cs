using Grpc.Core;
using Mash.Contracts.Timeliness.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Mash.Timeliness.Clocks;
using Mash.Timeliness.Grpc;
using Mash.Timeliness.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static Mash.Timeliness.Tests.Infrastructure.Instants;

namespace Mash.Timeliness.Tests.Grpc;

/// <summary>
/// Who may ask Timeliness what, over a real gRPC port: a contact's clock for practitioners and
/// managers (audited), the targets for any member of staff; nothing without valid credentials.
/// </summary>
[Collection(TimelinessDatabaseCollection.Name)]
public sealed class TimelinessAccessTests(TimelinessDatabase database) : IAsyncLifetime
{
    private const string GetClockMethod = "/mash.timeliness.v1.TimelinessService/GetClock";
    private const string AgencyToken = "police-west-token-for-timeliness-0123456789";
    private readonly TimelinessUnderTest timeliness = new(database);
    private GrpcTestHost host = null!;

    private TimelinessService.TimelinessServiceClient Client => new(host.Channel);

    public async Task InitializeAsync() => host = await GrpcTestHost.StartAsync(
        builder =>
        {
            builder.Services.AddSingleton(timeliness.Clocks);
            builder.Services.AddSingleton(TestTargets.Deadlines);
            builder.Services.AddSingleton(timeliness.Audit);
            builder.Services.AddSingleton(timeliness.Decisions);
            builder.Services.AddSingleton(timeliness.Reports);
            builder.Services.AddSingleton(timeliness.Alerts.Watch);
        },
        app => app.MapGrpcService<TimelinessGrpcService>(),
        new Dictionary<string, string?>
        {
            ["Authentication:Agencies:0:OrganisationId"] = "police-west",
            ["Authentication:Agencies:0:TokenSha256"] = AgencyCredentials.HashOf(AgencyToken),
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> ContactWithClockAsync()
    {
        var contactId = TimelinessUnderTest.NewContactId();
        await timeliness.RecordAsync(TimelinessUnderTest.Received(contactId, Bst(2025, 6, 2, 10)));
        return contactId;
    }

    private Task<long> AuditRowsAsync(string actorId, string outcome, string? contactId) => database.CountAsync(
        "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND action = $2 AND outcome = $3 AND record_id IS NOT DISTINCT FROM $4",
        actorId, GetClockMethod, outcome, (object?)contactId ?? DBNull.Value);

    [Fact]
    public async Task Without_credentials_nothing_answers()
    {
        var clock = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetClockAsync(new GetClockRequest { ContactId = "c-1" }));
        var targets = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetTargetsAsync(new GetTargetsRequest()));

        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (clock.StatusCode, targets.StatusCode));
    }

    [Fact]
    public async Task An_expired_token_is_UNAUTHENTICATED()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetTargetsAsync(new GetTargetsRequest(), TestTokens.Bearer(TestTokens.Expired("ops-1", MashRoles.Operations))));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Manager)]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Operations)]
    public async Task Any_member_of_staff_reads_the_targets(string role)
    {
        var targets = await Client.GetTargetsAsync(new GetTargetsRequest(), TestTokens.Bearer(TestTokens.For("staff-1", role)));

        Assert.NotEmpty(targets.Targets_);
    }

    [Fact]
    public async Task An_agency_reads_neither_targets_nor_clocks()
    {
        var targets = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetTargetsAsync(new GetTargetsRequest(), TestTokens.Bearer(AgencyToken)));
        var clock = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetClockAsync(new GetClockRequest { ContactId = "c-1" }, TestTokens.Bearer(AgencyToken)));

        Assert.Equal((StatusCode.PermissionDenied, StatusCode.PermissionDenied), (targets.StatusCode, clock.StatusCode));
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Manager)]
    public async Task Practitioners_and_managers_read_a_clock_audited_as_themselves(string role)
    {
        var contactId = await ContactWithClockAsync();
        var reader = $"sw-{Guid.NewGuid():N}";

        var clock = await Client.GetClockAsync(new GetClockRequest { ContactId = contactId }, TestTokens.Bearer(TestTokens.For(reader, role)));

        Assert.Equal(contactId, clock.ContactId);
        Assert.Equal(1, await AuditRowsAsync(reader, "allowed", contactId));
    }

    [Theory]
    [InlineData(MashRoles.Operations)]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.QualityLead)]
    public async Task Other_staff_are_PERMISSION_DENIED_a_clock_and_audited_as_denied(string role)
    {
        var contactId = await ContactWithClockAsync();
        var reader = $"staff-{Guid.NewGuid():N}";

        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetClockAsync(new GetClockRequest { ContactId = contactId }, TestTokens.Bearer(TestTokens.For(reader, role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(1, await AuditRowsAsync(reader, "denied", null));
    }

    [Theory]
    [InlineData(MashRoles.Manager)]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.BoardMember)]
    public async Task Managers_quality_leads_and_the_board_read_decision_timeliness(string role)
    {
        var counts = await Client.GetDecisionTimelinessAsync(Window(), TestTokens.Bearer(TestTokens.For("staff-1", role)));

        Assert.NotNull(counts);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    public async Task Other_staff_are_PERMISSION_DENIED_decision_timeliness(string role)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetDecisionTimelinessAsync(Window(), TestTokens.Bearer(TestTokens.For("staff-1", role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    public static TheoryData<string, string> ReportReaders => new()
    {
        { "GetBacklog", MashRoles.Manager }, { "GetBacklog", MashRoles.QualityLead }, { "GetBacklog", MashRoles.BoardMember },
        { "GetBacklogSeries", MashRoles.Manager }, { "GetBacklogSeries", MashRoles.QualityLead }, { "GetBacklogSeries", MashRoles.BoardMember },
        { "GetResponseTimes", MashRoles.Manager }, { "GetResponseTimes", MashRoles.QualityLead }, { "GetResponseTimes", MashRoles.BoardMember },
        { "GetIncidentToCompletion", MashRoles.Manager }, { "GetIncidentToCompletion", MashRoles.QualityLead }, { "GetIncidentToCompletion", MashRoles.BoardMember },
    };

    public static TheoryData<string, string> OtherStaff => new()
    {
        { "GetBacklog", MashRoles.Practitioner }, { "GetBacklog", MashRoles.Operations },
        { "GetBacklogSeries", MashRoles.Practitioner }, { "GetBacklogSeries", MashRoles.Operations },
        { "GetResponseTimes", MashRoles.Practitioner }, { "GetResponseTimes", MashRoles.Operations },
        { "GetIncidentToCompletion", MashRoles.Practitioner }, { "GetIncidentToCompletion", MashRoles.Operations },
    };

    [Theory]
    [MemberData(nameof(ReportReaders))]
    public async Task Managers_quality_leads_and_the_board_read_the_backlog_response_times_and_incident_to_completion(string rpc, string role) =>
        Assert.NotNull(await ReportAsync(rpc, role));

    [Theory]
    [MemberData(nameof(OtherStaff))]
    public async Task Other_staff_are_PERMISSION_DENIED_the_backlog_response_times_and_incident_to_completion(string rpc, string role)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(rpc, role));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private async Task<object> ReportAsync(string rpc, string role)
    {
        var headers = TestTokens.Bearer(TestTokens.For("staff-1", role));
        var (from, to) = (Window().From, Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Bst(2025, 6, 2)));
        return rpc switch
        {
            "GetBacklog" => await Client.GetBacklogAsync(new GetBacklogRequest(), headers),
            "GetBacklogSeries" => await Client.GetBacklogSeriesAsync(new GetBacklogSeriesRequest { From = from, To = to, AgencyId = "none-such" }, headers),
            "GetResponseTimes" => await Client.GetResponseTimesAsync(new GetResponseTimesRequest { From = from, To = to }, headers),
            _ => await Client.GetIncidentToCompletionAsync(new GetIncidentToCompletionRequest { From = from, To = to }, headers),
        };
    }

    private static GetDecisionTimelinessRequest Window() => new()
    {
        From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Bst(2025, 6, 1)),
        To = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Bst(2025, 7, 1)),
    };
}
