using Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Interop.Tests;

/// <summary>
/// A generic tool nobody here wrote (grpc-reflection-js on grpc-js) against our InteropServer: it lists the services
/// through reflection (v1alpha and v1), builds clients from the reflected descriptors alone, calls TestService/UnaryCall
/// and checks grpc.health.v1. See tests/Interop/node/reflect_and_call.js.
/// </summary>
public sealed class GenericToolsTests(MashServer server, ITestOutputHelper output) : IClassFixture<MashServer>
{
    [Fact]
    public async Task Reflection_client_discovers_and_calls_every_service_and_checks_health()
    {
        var result = await Peers.RunNodeReflectAndCallAsync(server.Port, Peers.CaseTimeout);
        output.WriteLine(result.Describe());
        Assert.True(result.Succeeded, $"{result.Describe()}\n{server.Output}");
    }
}
