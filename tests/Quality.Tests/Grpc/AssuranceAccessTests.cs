using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Assurance;
using Mash.Quality.Definitions;
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

/// <summary>AssuranceService over a real gRPC port: board members, managers and quality leads only, as the scorecard; refusals on record.</summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class AssuranceAccessTests(QualityDatabase database) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private GrpcTestHost host = null!;

    private AssuranceService.AssuranceServiceClient Client => new(host.Channel);

    public async Task InitializeAsync()
    {
        dataSource = await database.CreateDatabaseAsync();
        var catalogue = IndicatorCatalogue.Load(new QualityOptions().IndicatorFile);
        host = await GrpcTestHost.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton(catalogue);
                builder.Services.AddSingleton(new AssuranceReader(new FactReader(dataSource), catalogue));
                builder.Services.AddSingleton(TimeProvider.System);
                builder.Services.AddSingleton(new AuditLog(dataSource, TimeProvider.System));
            },
            app => app.MapGrpcService<AssuranceGrpcService>());
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Without_credentials_there_are_no_indicators()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await Client.ListIndicatorsAsync(new ListIndicatorsRequest()));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Manager)]
    [InlineData(MashRoles.QualityLead)]
    public async Task Board_members_managers_and_quality_leads_read_the_indicators_assurance_and_exceptions(string role)
    {
        var token = TestTokens.Bearer(TestTokens.For("reader-1", role));

        Assert.Equal(25, (await Client.ListIndicatorsAsync(new ListIndicatorsRequest(), token)).Indicators.Count);
        Assert.Equal(25, (await Client.GetAssuranceAsync(new GetAssuranceRequest(), token)).Indicators.Count);
        Assert.Empty((await Client.GetExceptionReportAsync(new GetAssuranceRequest(), token)).Indicators);
    }

    [Theory]
    [InlineData(MashRoles.Practitioner)]
    [InlineData(MashRoles.Operations)]
    public async Task Others_are_PERMISSION_DENIED_and_audited_as_denied(string role)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await Client.GetAssuranceAsync(new GetAssuranceRequest(), TestTokens.Bearer(TestTokens.For("other-1", role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM audit_log WHERE actor_id = 'other-1' AND action = '/mash.quality.v1.AssuranceService/GetAssurance' AND outcome = 'denied'");
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
