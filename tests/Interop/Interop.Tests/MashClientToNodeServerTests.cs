using Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Interop.Tests;

/// <summary>Our InteropClient against the grpc-js interop server: does our client speak gRPC as grpc-js expects?</summary>
public sealed class MashClientToNodeServerTests(NodeServer server, ITestOutputHelper output) : IClassFixture<NodeServer>
{
    [Theory]
    [MemberData(nameof(InteropCaseNames.Cases), MemberType = typeof(InteropCaseNames))]
    public async Task Our_client_passes_against_grpc_js_server(string testCase)
    {
        var result = await Peers.RunMashClientAsync(server.Port, testCase, Peers.CaseTimeout);
        output.WriteLine(result.Describe());
        Assert.True(result.Succeeded, $"{result.Describe()}\n{server.Output}");
    }
}
