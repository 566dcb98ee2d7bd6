using Grpc.Core;
using Mash.Contracts.Triage.V1;
using Mash.ServiceDefaults;
using Mash.Testing.Identity;
using Mash.Triage.Tests.Infrastructure;

namespace Mash.Triage.Tests.Security;

/// <summary>
/// Who may call each RPC, over a real port as a client sees it: without credentials UNAUTHENTICATED,
/// outside the RPC's roles PERMISSION_DENIED (before the handler: nothing changes), within them the
/// handler answers (here INVALID_ARGUMENT or NOT_FOUND for the empty requests, or OK). README, "Who may call Triage".
/// </summary>
[Collection(TriageDatabaseCollection.Name)]
public sealed class RolesTests(TriageDatabase database) : IAsyncLifetime
{
    private TriageServer server = null!;

    public async Task InitializeAsync() => server = await TriageServer.StartAsync(database, new FixedTime(DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static readonly Dictionary<string, Func<TriageService.TriageServiceClient, Metadata, Task>> Calls = new()
    {
        ["ListQueue"] = async (c, m) => await c.ListQueueAsync(new() { PageSize = -1 }, m),
        ["ClaimContact"] = async (c, m) => await c.ClaimContactAsync(new(), m),
        ["ReleaseContact"] = async (c, m) => await c.ReleaseContactAsync(new(), m),
        ["GetContactForScreening"] = async (c, m) => await c.GetContactForScreeningAsync(new(), m),
        ["GetRagScale"] = async (c, m) => await c.GetRagScaleAsync(new(), m),
        ["RateContact"] = async (c, m) => await c.RateContactAsync(new(), m),
        ["GetRatingHistory"] = async (c, m) => await c.GetRatingHistoryAsync(new(), m),
        ["CountRatingChanges"] = async (c, m) => await c.CountRatingChangesAsync(new(), m),
        ["RecordDecision"] = async (c, m) => await c.RecordDecisionAsync(new(), m),
        ["CountConversions"] = async (c, m) => await c.CountConversionsAsync(new(), m),
        ["RequestInformation"] = async (c, m) => await c.RequestInformationAsync(new(), m),
        ["ListInformationRequests"] = async (c, m) => await c.ListInformationRequestsAsync(new(), m),
        ["AnswerInformationRequest"] = async (c, m) => await c.AnswerInformationRequestAsync(new(), m),
        ["CountResponseTimes"] = async (c, m) => await c.CountResponseTimesAsync(new(), m),
        ["RaiseEscalation"] = async (c, m) => await c.RaiseEscalationAsync(new(), m),
        ["ResolveEscalation"] = async (c, m) => await c.ResolveEscalationAsync(new(), m),
        ["ListEscalations"] = async (c, m) => await c.ListEscalationsAsync(new(), m),
        ["CountEscalations"] = async (c, m) => await c.CountEscalationsAsync(new(), m),
        ["ImportScreeningSteps"] = async (c, m) => await c.ImportScreeningStepsAsync(new(), m),
    };

    private const string P = MashRoles.Practitioner, M = MashRoles.Manager, Q = MashRoles.QualityLead, B = MashRoles.BoardMember,
        O = MashRoles.Operations, I = MashRoles.Importer, A = MashRoles.Agency;

    /// <summary>Each RPC and the roles it admits: the README's table.</summary>
    private static readonly Dictionary<string, string[]> Admitted = new()
    {
        ["ListQueue"] = [P, M],
        ["ClaimContact"] = [P, M],
        ["ReleaseContact"] = [P, M],
        ["GetContactForScreening"] = [P, M],
        ["GetRagScale"] = [P, M, Q, B, O, I],
        ["RateContact"] = [P, M, I],
        ["GetRatingHistory"] = [P, M],
        ["CountRatingChanges"] = [M, Q, B],
        ["RecordDecision"] = [P, M, I],
        ["CountConversions"] = [M, Q, B],
        ["RequestInformation"] = [P, M, I],
        ["ListInformationRequests"] = [P, M, A],
        ["AnswerInformationRequest"] = [A, I],
        ["CountResponseTimes"] = [M, Q, B],
        ["RaiseEscalation"] = [P, M, A, I],
        ["ResolveEscalation"] = [M, I],
        ["ListEscalations"] = [P, M],
        ["CountEscalations"] = [M, Q, B],
        ["ImportScreeningSteps"] = [I],
    };

    public static TheoryData<string> Rpcs => [.. Calls.Keys];

    public static TheoryData<string, string> RpcsAndRoles
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var rpc in Calls.Keys)
            {
                foreach (var role in new[] { P, M, Q, B, O, I, A })
                {
                    data.Add(rpc, role);
                }
            }
            return data;
        }
    }

    [Fact]
    public void Every_rpc_of_the_service_is_listed() =>
        Assert.Equal(TriageService.Descriptor.Methods.Select(m => m.Name).Order(), Calls.Keys.Order());

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task Without_credentials_every_rpc_is_unauthenticated(string rpc)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => Calls[rpc](server.Client, []));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RpcsAndRoles))]
    public async Task Each_rpc_admits_its_roles_only(string rpc, string role)
    {
        var credentials = role == A ? TestTokens.Bearer(TriageServer.PoliceWestToken) : TestTokens.Bearer(TestTokens.For($"user-{Guid.NewGuid():N}", role));

        var status = await StatusOfAsync(() => Calls[rpc](server.Client, credentials));

        if (Admitted[rpc].Contains(role))
        {
            Assert.True(status is not (StatusCode.PermissionDenied or StatusCode.Unauthenticated), $"{rpc} refused {role}: {status}");
        }
        else
        {
            Assert.Equal(StatusCode.PermissionDenied, status);
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
