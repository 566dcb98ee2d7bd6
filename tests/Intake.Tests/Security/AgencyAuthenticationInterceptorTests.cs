using Mash.Intake.Security;
using Grpc.Core;

namespace Mash.Intake.Tests.Security;

public sealed class AgencyAuthenticationInterceptorTests
{
    private const string Token = "a-long-random-police-token-0123456789abcdef";
    private const string SubmitContact = "/mash.intake.v1.IntakeService/SubmitContact";

    private readonly AgencyAuthenticationInterceptor interceptor = new(new AgencyCredentials([("police-west", AgencyCredentials.HashOf(Token))]));

    private static TestCallContext Call(string? authorization, string method = SubmitContact)
    {
        var context = new TestCallContext(method: method);
        if (authorization is not null)
        {
            context.RequestHeaders.Add("authorization", authorization);
        }
        return context;
    }

    /// <summary>Runs a unary call through the interceptor; the handler records the caller it saw.</summary>
    private async Task<(bool Reached, AuthenticatedAgency? Caller)> UnaryAsync(TestCallContext context)
    {
        var reached = false;
        AuthenticatedAgency? caller = null;
        await interceptor.UnaryServerHandler<string, string>("request", context, (_, c) =>
        {
            reached = true;
            caller = c.GetAuthenticatedAgency();
            return Task.FromResult("response");
        });
        return (reached, caller);
    }

    [Theory]
    [InlineData(null)]                                  // no header
    [InlineData("Basic cG9saWNlOnNlY3JldA==")]          // wrong scheme
    [InlineData("Bearer")]                              // no token
    [InlineData("Bearer ")]
    [InlineData(Token)]                                 // no scheme
    [InlineData("Bearer not-a-token-any-agency-holds")] // unknown token
    [InlineData("Bearer " + Token + " extra")]
    public async Task A_call_without_valid_credentials_is_UNAUTHENTICATED_and_never_reaches_the_handler(string? authorization)
    {
        var reached = false;
        var refused = await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>("request", Call(authorization), (_, _) =>
        {
            reached = true;
            return Task.FromResult("response");
        }));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.False(reached);
    }

    [Fact]
    public async Task Two_authorization_headers_are_UNAUTHENTICATED()
    {
        var context = Call("Bearer " + Token);
        context.RequestHeaders.Add("authorization", "Bearer " + Token);

        var refused = await Assert.ThrowsAsync<RpcException>(() => UnaryAsync(context));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Theory]
    [InlineData("Bearer " + Token)]
    [InlineData("bearer " + Token)]
    public async Task A_known_token_reaches_the_handler_with_its_agency_as_the_caller(string authorization)
    {
        var (reached, caller) = await UnaryAsync(Call(authorization));

        Assert.True(reached);
        Assert.Equal(new AuthenticatedAgency("police-west"), caller);
    }

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check")]
    [InlineData("/grpc.health.v1.Health/Watch")]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public async Task Health_and_reflection_need_no_credentials(string method)
    {
        var (reached, caller) = await UnaryAsync(Call(null, method));

        Assert.True(reached);
        Assert.Null(caller);
    }

    [Theory]
    [InlineData("/grpc.health.v1.HealthX/Check")]
    [InlineData("/mash.intake.v1.IntakeService/GetContact")]
    public async Task Nothing_else_is_open(string method)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => UnaryAsync(Call(null, method)));

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task Streaming_calls_are_checked_too()
    {
        var reached = 0;
        Task Handler() { reached++; return Task.CompletedTask; }

        var clientStreaming = await Assert.ThrowsAsync<RpcException>(() => interceptor.ClientStreamingServerHandler<string, string>(
            null!, Call(null), (_, _) => { reached++; return Task.FromResult(""); }));
        var serverStreaming = await Assert.ThrowsAsync<RpcException>(() => interceptor.ServerStreamingServerHandler<string, string>(
            "request", null!, Call("Bearer wrong"), (_, _, _) => Handler()));
        var duplex = await Assert.ThrowsAsync<RpcException>(() => interceptor.DuplexStreamingServerHandler<string, string>(
            null!, null!, Call("Basic x"), (_, _, _) => Handler()));
        await interceptor.ServerStreamingServerHandler<string, string>("request", null!, Call("Bearer " + Token), (_, _, c) =>
        {
            Assert.Equal("police-west", c.GetAuthenticatedAgency()?.OrganisationId);
            return Handler();
        });

        Assert.All([clientStreaming, serverStreaming, duplex], e => Assert.Equal(StatusCode.Unauthenticated, e.StatusCode));
        Assert.Equal(1, reached);
    }
}
