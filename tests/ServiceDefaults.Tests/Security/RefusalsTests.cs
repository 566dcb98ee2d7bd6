using Grpc.Core;
using Mash.ServiceDefaults.Tests.Infrastructure;
using Mash.Testing;
using Mash.Testing.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Mash.ServiceDefaults.Tests.Security;

/// <summary>A call refused for what it asks: PERMISSION_DENIED, on record as denied with who, the RPC, the record and when.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RefusalsTests(InfrastructureFixture infrastructure)
{
    private static readonly FixedTime Time = new(new DateTimeOffset(2025, 6, 2, 9, 30, 0, TimeSpan.Zero));

    private const string Method = "/mash.triage.v1.TriageService/AnswerInformationRequest";

    [Fact]
    public async Task A_refusal_is_recorded_as_denied_with_the_caller_the_rpc_the_record_and_when()
    {
        var database = infrastructure.Postgres.ConnectionString(await infrastructure.Postgres.CreateDatabaseAsync("refusals"));
        await using var dataSource = NpgsqlDataSource.Create(database);
        await using (var create = dataSource.CreateCommand(AuditLog.Migration.Sql))
        {
            await create.ExecuteNonQueryAsync();
        }
        var refusals = new Refusals(new AuditLog(dataSource, Time), NullLogger<Refusals>.Instance);

        var refused = await refusals.RefuseAsync(TestCallContext.ByAgency("police-west", method: Method), "request-1", "only the agency asked answers");

        Assert.Equal((StatusCode.PermissionDenied, "only the agency asked answers"), (refused.StatusCode, refused.Status.Detail));
        await using var read = dataSource.CreateCommand("SELECT actor_id, agency_id, action, record_id, outcome, occurred_at FROM audit_log");
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("police-west", "police-west", Method, "request-1", "denied", Time.Now),
            (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task The_refusal_stands_when_its_record_cannot_be_written()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Timeout=2;Pooling=false");
        var refusals = new Refusals(new AuditLog(unreachable, Time), NullLogger<Refusals>.Instance);

        var refused = await refusals.RefuseAsync(TestCallContext.ByStaff("sw-1", [MashRoles.Practitioner], method: Method), "contact-1", "occurred_at: only an importer gives a time");

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
