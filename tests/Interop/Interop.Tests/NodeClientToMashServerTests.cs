using Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Interop.Tests;

/// <summary>The grpc-js interop client against our InteropServer: does our server speak gRPC as grpc-js expects?</summary>
public sealed class NodeClientToMashServerTests(MashServer server, ITestOutputHelper output) : IClassFixture<MashServer>
{
    [Theory]
    [MemberData(nameof(InteropCaseNames.Cases), MemberType = typeof(InteropCaseNames))]
    public async Task Grpc_js_client_passes_against_our_server(string testCase)
    {
        var result = await Peers.RunNodeClientAsync(server.Port, testCase, Peers.CaseTimeout);
        output.WriteLine(result.Describe());
        Assert.True(result.Succeeded, $"{result.Describe()}\n{server.Output}");
    }
}
