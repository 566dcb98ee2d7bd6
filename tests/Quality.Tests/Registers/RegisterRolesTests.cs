using Grpc.Core;
using Mash.Contracts.Quality.V1;
using Mash.Quality.Tests.Infrastructure;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using static Mash.Quality.Tests.Registers.RegistersHost;

namespace Mash.Quality.Tests.Registers;

/// <summary>
/// Who may call each RPC of RegistersService, the README's table: with empty requests the handler
/// answers INVALID_ARGUMENT, NOT_FOUND or OK for the roles admitted; every other role is PERMISSION_DENIED.
/// </summary>
[Collection(QualityDatabaseCollection.Name)]
public sealed class RegisterRolesTests(QualityDatabase database) : IAsyncLifetime
{
    private RegistersHost host = null!;

    public async Task InitializeAsync() => host = await StartAsync(await database.CreateDatabaseAsync());

    public async Task DisposeAsync() => await host.DisposeAsync();

    private const string P = MashRoles.Practitioner, M = MashRoles.Manager, Q = MashRoles.QualityLead, B = MashRoles.BoardMember,
        O = MashRoles.Operations, I = MashRoles.Importer, A = MashRoles.Agency;

    private static readonly string[] Writers = [Q, M];

    private static readonly string[] Readers = [B, M, Q];

    private static readonly Dictionary<string, (Func<RegistersService.RegistersServiceClient, Metadata, Task> Call, string[] Admitted)> Rpcs = new()
    {
        ["RecordQualityAudit"] = (async (c, m) => await c.RecordQualityAuditAsync(new(), m), Writers),
        ["ListQualityAudits"] = (async (c, m) => await c.ListQualityAuditsAsync(new(), m), Readers),
        ["RecordSurveyResponse"] = (async (c, m) => await c.RecordSurveyResponseAsync(new(), m), Writers),
        ["RecordFeedbackItem"] = (async (c, m) => await c.RecordFeedbackItemAsync(new(), m), Writers),
        ["AddCaseStudy"] = (async (c, m) => await c.AddCaseStudyAsync(new(), m), Writers),
        ["ListCaseStudies"] = (async (c, m) => await c.ListCaseStudiesAsync(new(), m), Readers),
        ["AddLearning"] = (async (c, m) => await c.AddLearningAsync(new(), m), Writers),
        ["UpdateLearningAction"] = (async (c, m) => await c.UpdateLearningActionAsync(new(), m), Writers),
        ["ListLearning"] = (async (c, m) => await c.ListLearningAsync(new(), m), Readers),
        ["ScheduleReport"] = (async (c, m) => await c.ScheduleReportAsync(new(), m), Writers),
        ["UpdateReportProgress"] = (async (c, m) => await c.UpdateReportProgressAsync(new(), m), Writers),
        ["ListScheduledReports"] = (async (c, m) => await c.ListScheduledReportsAsync(new(), m), Readers),
        ["RecordImpact"] = (async (c, m) => await c.RecordImpactAsync(new(), m), Writers),
        ["ListImpact"] = (async (c, m) => await c.ListImpactAsync(new(), m), Readers),
        ["GetRegisterSummary"] = (async (c, m) => await c.GetRegisterSummaryAsync(new(), m), Readers),
    };

    [Fact]
    public void Every_rpc_of_the_service_is_listed() =>
        Assert.Equal(RegistersService.Descriptor.Methods.Select(m => m.Name).Order(), Rpcs.Keys.Order());

    [Theory]
    [InlineData(P)]
    [InlineData(M)]
    [InlineData(Q)]
    [InlineData(B)]
    [InlineData(O)]
    [InlineData(I)]
    [InlineData(A)]
    public async Task Each_rpc_admits_its_roles_only(string role)
    {
        var credentials = TestTokens.Bearer(TestTokens.For($"user-{Guid.NewGuid():N}", role));
        foreach (var (rpc, (call, admitted)) in Rpcs)
        {
            var status = await StatusOfAsync(() => call(host.Client, credentials));

            Assert.True(admitted.Contains(role) ? status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated) : status == StatusCode.PermissionDenied,
                $"{rpc} as {role}: {status}");
        }
    }

    private static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
