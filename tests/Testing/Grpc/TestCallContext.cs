using System.Security.Claims;
using Grpc.Core;
using Mash.Testing.Identity;
using Microsoft.AspNetCore.Http;

namespace Mash.Testing.Grpc;

/// <summary>
/// A server call context for calling a gRPC service class directly; cancel it to play a client going
/// away. Give it the caller's principal (<see cref="TestPrincipals"/>) for the handler's
/// <c>context.GetCaller()</c>: it travels as grpc-dotnet's <c>GetHttpContext()</c> finds it outside a server.
/// </summary>
public sealed class TestCallContext(CancellationToken cancellationToken = default, string method = "/test", ClaimsPrincipal? user = null) : ServerCallContext
{
    private readonly Dictionary<object, object> userState = new() { ["__HttpContext"] = new DefaultHttpContext { User = user ?? new ClaimsPrincipal(new ClaimsIdentity()) } };

    /// <summary>A call by a frontline app of <paramref name="organisationId"/>.</summary>
    public static TestCallContext ByAgency(string organisationId, CancellationToken cancellationToken = default, string method = "/test") =>
        new(cancellationToken, method, TestPrincipals.Agency(organisationId));

    /// <summary>A call by a member of staff holding <paramref name="roles"/>.</summary>
    public static TestCallContext ByStaff(string subject, string[] roles, CancellationToken cancellationToken = default, string method = "/test") =>
        new(cancellationToken, method, TestPrincipals.Staff(subject, roles));

    protected override string MethodCore => method;
    protected override string HostCore => "localhost";
    protected override string PeerCore => "ipv4:127.0.0.1:1";
    protected override DateTime DeadlineCore => DateTime.MaxValue;
    protected override Metadata RequestHeadersCore { get; } = [];
    protected override CancellationToken CancellationTokenCore => cancellationToken;
    protected override Metadata ResponseTrailersCore { get; } = [];
    protected override Status StatusCore { get; set; }
    protected override WriteOptions? WriteOptionsCore { get; set; }
    protected override AuthContext AuthContextCore { get; } = new(null, []);
    protected override IDictionary<object, object> UserStateCore => userState;

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
}
