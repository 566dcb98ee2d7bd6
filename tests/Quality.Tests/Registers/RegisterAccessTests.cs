using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Npgsql;
using static Mash.Quality.Tests.Registers.RegistersHost;
using static Mash.Quality.Tests.Registers.RequestRulesTests;

namespace Mash.Quality.Tests.Registers;

/// <summary>Who may write and read the registers: quality leads and managers write; board members, managers and quality leads read; the rest refused, on record.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class RegisterAccessTests(QualityDatabase database) : IAsyncLifetime
{
    private RegistersHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync(await database.CreateDatabaseAsync());

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static Metadata As(string role) => TestTokens.Bearer(TestTokens.For("other-1", role));

    [Fact]
    public async Task Without_credentials_there_are_no_registers()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest()));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(MashRoles.QualityLead)]
    [InlineData(MashRoles.Manager)]
    public async Task Quality_leads_and_managers_write_the_registers(string role)
    {
        await host.Client.RecordImpactAsync(new RecordImpactRequest
        {
            RequestId = Guid.NewGuid().ToString(), OccurredOn = Day(2025, 5, 1), Source = "MA audit 3", Impact = "Consent is now recorded.",
        }, As(role));

        Assert.Equal(1L, await host.CountAsync("impact_entries"));
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Manager)]
    [InlineData(MashRoles.QualityLead)]
    public async Task Board_members_managers_and_quality_leads_read_the_registers(string role)
    {
        Assert.Empty((await host.Client.ListQualityAuditsAsync(new ListQualityAuditsRequest(), As(role))).Audits);
        Assert.Empty((await host.Client.ListLearningAsync(new ListRegisterRequest(), As(role))).Entries);
        Assert.Equal(0L, (await host.Client.GetRegisterSummaryAsync(new GetRegisterSummaryRequest(), As(role))).CaseStudies);
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    [InlineData(MashRoles.Agency)]
    public async Task Others_writing_are_PERMISSION_DENIED_on_record_and_store_nothing(string role)
    {
        await RefusedAndAuditedAsync(async () => await host.Client.RecordQualityAuditAsync(ReferralAudit(), As(role)), "/mash.quality.v1.RegistersService/RecordQualityAudit");

        Assert.Equal(0L, await host.CountAsync("quality_audits"));
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    [InlineData(MashRoles.Importer)]
    public Task Others_reading_are_PERMISSION_DENIED_on_record(string role) =>
        RefusedAndAuditedAsync(async () => await host.Client.ListQualityAuditsAsync(new ListQualityAuditsRequest(), As(role)), "/mash.quality.v1.RegistersService/ListQualityAudits");

    private async Task RefusedAndAuditedAsync(Func<Task> call, string action)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await using var command = host.DataSource.CreateCommand("SELECT count(*) FROM audit_log WHERE actor_id = 'other-1' AND action = $1 AND outcome = 'denied'");
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
