using Grpc.Core;
using Mash.ServiceDefaults.Tests.Guarded;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Mash.Testing.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using GuardedClient = Mash.ServiceDefaults.Tests.Guarded.GuardedService.GuardedServiceClient;

namespace Mash.ServiceDefaults.Tests.Security;

/// <summary>The audit log: a read recorded with the caller from the token; a call refused for its role recorded as denied.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class AuditLogTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private ServiceHost host = null!;
    private GuardedClient client = null!;
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        var database = infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("audit"));
        var configuration = new Dictionary<string, string?>(TestTokens.Configuration) { ["ConnectionStrings:postgres"] = database };
        host = await ServiceHost.StartAsync(configuration, b =>
        {
            b.AddDatabaseMigrations(AuditLog.Migration);
            b.AddAuditLog();
        }, app => app.MapGrpcService<GuardedService>());
        await host.Services.GetRequiredService<DatabaseMigrationStatus>().WaitUntilCompletedAsync(CancellationToken.None);
        client = new GuardedClient(host.Channel);
        dataSource = NpgsqlDataSource.Create(database);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    [Fact]
    public async Task A_read_is_recorded_as_allowed_with_the_caller_from_the_token()
    {
        await client.ReadRecordAsync(new Probe { RecordId = "contact-1", CallerId = "someone-else" },
            TestTokens.Bearer(TestTokens.For("sw-7", MashRoles.Practitioner)));

        var row = Assert.Single(await RowsAsync());
        Assert.Equal(("sw-7", "Test sw-7", (string?)null, MashRoles.Practitioner, "/mash.servicedefaults.tests.GuardedService/ReadRecord", "contact-1", "allowed"), row);
    }

    [Fact]
    public async Task A_call_outside_the_callers_role_is_recorded_as_denied_and_not_served()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.ReadRecordAsync(new Probe { RecordId = "contact-2" },
            TestTokens.Bearer(TestTokens.For("ops-1", MashRoles.Operations))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        var row = Assert.Single(await RowsAsync());
        Assert.Equal(("ops-1", "Test ops-1", (string?)null, MashRoles.Operations, "/mash.servicedefaults.tests.GuardedService/ReadRecord", (string?)null, "denied"), row);
    }

    [Fact]
    public async Task A_call_without_credentials_names_nobody_so_writes_no_row()
    {
        await Assert.ThrowsAsync<RpcException>(async () => await client.ReadRecordAsync(new Probe { RecordId = "contact-3" }));

        Assert.Empty(await RowsAsync());
    }

    private async Task<List<(string, string, string?, string, string, string?, string)>> RowsAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT actor_id, actor_name, agency_id, roles, action, record_id, outcome FROM audit_log ORDER BY occurred_at");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string, string?, string, string, string?, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), string.Join(",", reader.GetFieldValue<string[]>(3)),
                reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
        }
        return rows;
    }
}
