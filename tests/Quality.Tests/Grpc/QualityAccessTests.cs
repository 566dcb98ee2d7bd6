using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Facts;
using Mash.Quality.Grpc;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Testing.Services;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mash.Quality.Tests.Grpc;

/// <summary>The scorecard over a real gRPC port: board members, managers and quality leads only; refusals on record.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class QualityAccessTests(QualityDatabase database) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private GrpcTestHost host = null!;

    private QualityService.QualityServiceClient Client => new(host.Channel);

    public async Task InitializeAsync()
    {
        dataSource = await database.CreateDatabaseAsync();
        host = await GrpcTestHost.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(new FactReader(dataSource));
                builder.Services.AddSingleton(new AuditLog(dataSource, TimeProvider.System));
            },
            app => app.MapGrpcService<QualityGrpcService>());
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
    public async Task Board_members_managers_and_quality_leads_read_the_scorecard(string role)
    {
        var card = await Client.GetScorecardAsync(new GetScorecardRequest(), TestTokens.Bearer(TestTokens.For("reader-1", role)));

        Assert.Equal(0, card.DecisionsTimed);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    [InlineData(MashRoles.Importer)]
    public async Task Others_are_PERMISSION_DENIED_and_audited_as_denied(string role)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetScorecardAsync(new GetScorecardRequest(), TestTokens.Bearer(TestTokens.For("other-1", role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM audit_log WHERE actor_id = 'other-1' AND action = '/mash.quality.v1.QualityService/GetScorecard' AND outcome = 'denied'");
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
