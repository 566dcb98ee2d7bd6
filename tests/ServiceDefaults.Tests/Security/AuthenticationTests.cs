using System.Net;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Mash.ServiceDefaults.Tests.Guarded;
using Mash.Testing.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using GuardedClient = Mash.ServiceDefaults.Tests.Guarded.GuardedService.GuardedServiceClient;

namespace Mash.ServiceDefaults.Tests.Security;

/// <summary>
/// Staff's JWTs and agencies' tokens, over a real gRPC port as a client sees them: no or bad
/// credentials UNAUTHENTICATED, outside the policy PERMISSION_DENIED, the caller from the token.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string GuardedPath = "/mash.servicedefaults.tests.GuardedService";
    private const string PoliceToken = "police-west-token-8d1f2c6a4b7e49d0a3c5e1f7b9d2a4c6";
    private ServiceHost host = null!;
    private GuardedClient client = null!;

    public async Task InitializeAsync()
    {
        var configuration = new Dictionary<string, string?>(TestTokens.Configuration)
        {
            ["Authentication:Agencies:0:OrganisationId"] = "police-west",
            ["Authentication:Agencies:0:TokenSha256"] = AgencyCredentials.HashOf(PoliceToken),
        };
        host = await ServiceHost.StartAsync(configuration, map: app => app.MapGrpcService<GuardedService>());
        client = new GuardedClient(host.Channel);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_call_without_credentials_is_unauthenticated()
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.AnyCallerAsync(new Probe()));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Equal("This call needs credentials: a staff bearer token or an agency's token.", refused.Status.Detail);
    }

    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", TestTokens.Expired("sw-1", MashRoles.Practitioner) },
        { "badly signed", TestTokens.BadlySigned("sw-1", MashRoles.Practitioner) },
        { "for another audience", TestTokens.WrongAudience("sw-1", MashRoles.Practitioner) },
        { "from another issuer", TestTokens.WrongIssuer("sw-1", MashRoles.Practitioner) },
        { "not a token at all", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl" },
        { "an agency token nobody holds", "not-an-agency-token-1234567890" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_call_with_bad_credentials_is_unauthenticated(string why, string token)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.ForPractitionersAsync(new Probe(), TestTokens.Bearer(token)));

        Assert.True(refused.StatusCode == StatusCode.Unauthenticated, $"{why}: {refused.Status}");
        Assert.StartsWith("The credentials given were not accepted", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_practitioner_passes_the_practitioners_policy_as_the_token_says()
    {
        var seen = await client.ForPractitionersAsync(new Probe(), TestTokens.Bearer(TestTokens.For("sw-1", MashRoles.Practitioner)));

        Assert.Equal("sw-1", seen.CallerId);
        Assert.Equal("Test sw-1", seen.CallerName);
        Assert.Equal([MashRoles.Practitioner], seen.Roles);
        Assert.Equal("", seen.AgencyId);
    }

    [Fact]
    public async Task An_entra_token_names_the_caller_by_object_id()
    {
        var token = TestTokens.Create("pairwise-subject", [MashRoles.Manager], name: "Dana Manager",
            claims: new Dictionary<string, string> { ["oid"] = "5f1c7c1e-object-id" });

        var seen = await client.ForBoardAsync(new Probe(), TestTokens.Bearer(token));

        Assert.Equal("5f1c7c1e-object-id", seen.CallerId);
        Assert.Equal("Dana Manager", seen.CallerName);
    }

    [Fact]
    public async Task Roles_in_the_role_claim_of_dotnet_user_jwts_count()
    {
        var token = TestTokens.Create("alice", [MashRoles.Practitioner], roleClaim: "role");

        var seen = await client.ForPractitionersAsync(new Probe(), TestTokens.Bearer(token));

        Assert.Equal([MashRoles.Practitioner], seen.Roles);
    }

    [Theory]
    [InlineData(MashRoles.BoardMember)]
    [InlineData(MashRoles.Operations)]
    [InlineData(MashRoles.QualityLead)]
    public async Task Staff_outside_the_policy_are_denied(string role)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ForPractitionersAsync(new Probe(), TestTokens.Bearer(TestTokens.For("someone", role))));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal($"{GuardedPath}/ForPractitioners needs one of the roles {MashRoles.Practitioner}, {MashRoles.Manager}.", refused.Status.Detail);
    }

    [Fact]
    public async Task A_token_without_roles_passes_only_the_fallback()
    {
        var token = TestTokens.For("no-roles");

        Assert.Equal("no-roles", (await client.AnyCallerAsync(new Probe(), TestTokens.Bearer(token))).CallerId);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.ForBoardAsync(new Probe(), TestTokens.Bearer(token)));
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task An_agency_presents_its_token_as_before_and_is_named_by_its_organisation()
    {
        var seen = await client.ForAgenciesAsync(new Probe(), TestTokens.Bearer(PoliceToken));

        Assert.Equal("police-west", seen.CallerId);
        Assert.Equal("police-west", seen.AgencyId);
        Assert.Equal([MashRoles.Agency], seen.Roles);
    }

    [Fact]
    public async Task An_agency_is_denied_staff_calls_and_staff_agency_calls()
    {
        var agency = await Assert.ThrowsAsync<RpcException>(async () => await client.ForPractitionersAsync(new Probe(), TestTokens.Bearer(PoliceToken)));
        var staff = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ForAgenciesAsync(new Probe(), TestTokens.Bearer(TestTokens.For("sw-1", MashRoles.Manager))));

        Assert.Equal(StatusCode.PermissionDenied, agency.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, staff.StatusCode);
    }

    [Fact]
    public async Task A_staff_token_claiming_to_be_an_agency_is_read_as_staff()
    {
        var token = TestTokens.Create("impostor", [MashRoles.Agency, MashRoles.Practitioner], claims: new Dictionary<string, string> { ["mash_agency"] = "police-west" });

        var refused = await Assert.ThrowsAsync<RpcException>(async () => await client.ForAgenciesAsync(new Probe(), TestTokens.Bearer(token)));
        var seen = await client.ForPractitionersAsync(new Probe(), TestTokens.Bearer(token));

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(("impostor", ""), (seen.CallerId, seen.AgencyId));
        Assert.Equal([MashRoles.Practitioner], seen.Roles);
    }

    [Fact]
    public async Task Health_and_reflection_need_no_credentials()
    {
        var health = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest());
        using var reflection = new ServerReflection.ServerReflectionClient(host.Channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await reflection.ResponseStream.MoveNext(CancellationToken.None);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Contains(reflection.ResponseStream.Current.ListServicesResponse.Service, s => s.Name == "mash.servicedefaults.tests.GuardedService");
    }

    [Fact]
    public async Task On_the_wire_a_refusal_is_a_trailers_only_grpc_response_any_client_reads()
    {
        using var h2c = new HttpClient();

        using var anonymous = await h2c.SendAsync(GrpcRequest(null));
        using var denied = await h2c.SendAsync(GrpcRequest(TestTokens.For("someone", MashRoles.Operations)));

        Assert.Equal((HttpStatusCode.OK, "16"), (anonymous.StatusCode, anonymous.Headers.GetValues("grpc-status").Single()));
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
        // Printable ASCII goes as it is: grpc-js decodes with decodeURI, which leaves %3A as it is.
        Assert.Equal("This call needs credentials: a staff bearer token or an agency's token.", anonymous.Headers.GetValues("grpc-message").Single());
        Assert.Equal((HttpStatusCode.OK, "7"), (denied.StatusCode, denied.Headers.GetValues("grpc-status").Single()));
        Assert.Empty(await denied.Content.ReadAsByteArrayAsync());
    }

    private HttpRequestMessage GrpcRequest(string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.GrpcAddress, "/mash.servicedefaults.tests.GuardedService/ForPractitioners"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", $"Bearer {token}");
        }
        return request;
    }
}
