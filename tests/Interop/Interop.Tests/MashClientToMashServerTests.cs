using Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Interop.Tests;

/// <summary>Our InteropClient against our InteropServer, every case in one run (a sanity check of both).</summary>
public sealed class MashClientToMashServerTests(MashServer server, ITestOutputHelper output) : IClassFixture<MashServer>
{
    [Fact]
    public async Task Our_client_passes_all_cases_against_our_server()
    {
        var result = await Peers.RunMashClientAsync(server.Port, "all", Peers.AllCasesTimeout);
        output.WriteLine(result.Describe());
        Assert.True(result.Succeeded, $"{result.Describe()}\n{server.Output}");
        Assert.Contains($"{InteropCaseNames.All.Count}/{InteropCaseNames.All.Count} passed", result.Stdout, StringComparison.Ordinal);
    }
}
