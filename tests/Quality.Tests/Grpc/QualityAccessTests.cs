using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Definitions;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Npgsql;

namespace Mash.Quality.Tests.Grpc;

/// <summary>The scorecard and the assurance service over a real gRPC port: board members, managers and quality leads only; refusals on record.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class QualityAccessTests(QualityDatabase database) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private GrpcTestHost host = null!;

    private QualityService.QualityServiceClient Client => new(host.Channel);

    private AssuranceService.AssuranceServiceClient Assurance => new(host.Channel);

    public async Task InitializeAsync()
    {
        dataSource = await database.CreateDatabaseAsync();
        var catalogue = IndicatorCatalogue.Load(new QualityOptions().IndicatorFile);
        host = await QualityHost.StartAsync(dataSource, catalogue, TimeProvider.System);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Without_credentials_there_is_no_scorecard()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.GetScorecardAsync(new GetScorecardRequest()));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_UNAUTHENTICATED()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetScorecardAsync(new GetScorecardRequest(), TestTokens.Bearer(TestTokens.WrongAudience("board-1", MashRoles.BoardMember))));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Manager)]
    [InlineData(MashRoles.QualityLead)]
    public async Task Board_members_managers_and_quality_leads_read_the_scorecard_indicators_assurance_and_exceptions(string role)
    {
        var token = TestTokens.Bearer(TestTokens.For("reader-1", role));

        Assert.Equal(0, (await Client.GetScorecardAsync(new GetScorecardRequest(), token)).DecisionsTimed);
        Assert.Equal(25, (await Assurance.ListIndicatorsAsync(new ListIndicatorsRequest(), token)).Indicators.Count);
        Assert.Equal(25, (await Assurance.GetAssuranceAsync(new GetAssuranceRequest(), token)).Indicators.Count);
        Assert.Empty((await Assurance.GetExceptionReportAsync(new GetAssuranceRequest(), token)).Indicators);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    [InlineData(MashRoles.Importer)]
    public Task Others_are_PERMISSION_DENIED_and_audited_as_denied(string role) =>
        RefusedAndAuditedAsync(
            async () => await Client.GetScorecardAsync(new GetScorecardRequest(), TestTokens.Bearer(TestTokens.For("other-1", role))),
            "/mash.quality.v1.QualityService/GetScorecard");

    [Fact]
    public async Task Without_credentials_there_are_no_indicators()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Assurance.ListIndicatorsAsync(new ListIndicatorsRequest()));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    public Task Others_are_refused_the_assurance_watch_and_audited_as_denied(string role) =>
        RefusedAndAuditedAsync(
            async () =>
            {
                using var watch = Assurance.WatchAssurance(new GetAssuranceRequest(), TestTokens.Bearer(TestTokens.For("other-1", role)));
                await watch.ResponseStream.MoveNext(CancellationToken.None);
            },
            "/mash.quality.v1.AssuranceService/WatchAssurance");

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    public Task Others_are_refused_the_assurance_and_audited_as_denied(string role) =>
        RefusedAndAuditedAsync(
            async () => await Assurance.GetAssuranceAsync(new GetAssuranceRequest(), TestTokens.Bearer(TestTokens.For("other-1", role))),
            "/mash.quality.v1.AssuranceService/GetAssurance");

    // PERMISSION_DENIED, and other-1's refusal of that method on record.
    private async Task RefusedAndAuditedAsync(Func<Task> call, string action)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(call);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM audit_log WHERE actor_id = 'other-1' AND action = $1 AND outcome = 'denied'");
        command.Parameters.Add(new NpgsqlParameter { Value = action });
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
