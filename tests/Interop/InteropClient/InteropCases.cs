using System.Diagnostics;
using Interop.Client.Cases;
using MashGrpc.Core;

namespace Interop.Client;

/// <summary>The test cases this client implements, by their interop names, and how one is run.</summary>
internal static class InteropCases
{
    /// <summary>Bounds a whole case, even the ones that deliberately cancel or time out.</summary>
    private static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, Func<InteropContext, Task>> Cases = new()
    {
        ["empty_unary"] = EmptyUnary.RunAsync,
        ["large_unary"] = LargeUnary.RunAsync,
        ["client_streaming"] = ClientStreaming.RunAsync,
        ["server_streaming"] = ServerStreaming.RunAsync,
        ["ping_pong"] = PingPong.RunAsync,
        ["empty_stream"] = EmptyStream.RunAsync,
        ["status_code_and_message"] = StatusCodeAndMessage.RunAsync,
        ["special_status_message"] = SpecialStatusMessage.RunAsync,
        ["custom_metadata"] = CustomMetadata.RunAsync,
        ["unimplemented_method"] = UnimplementedMethod.RunAsync,
        ["unimplemented_service"] = UnimplementedService.RunAsync,
        ["cancel_after_begin"] = CancelAfterBegin.RunAsync,
        ["cancel_after_first_response"] = CancelAfterFirstResponse.RunAsync,
        ["timeout_on_sleeping_server"] = TimeoutOnSleepingServer.RunAsync,
    };

    public static IReadOnlyList<string> Names { get; } = [.. Cases.Keys];

    /// <summary>Runs one case on a fresh channel; prints PASS/FAIL to stdout and why to stderr.</summary>
    public static async Task<bool> RunAsync(string name, ClientArgs options)
    {
        using var context = new InteropContext(options);
        var stopwatch = Stopwatch.StartNew();
        string? failure = null;
        try
        {
            await Cases[name](context).WaitAsync(Watchdog);
        }
        catch (InteropAssertionException ex)
        {
            failure = ex.Message;
        }
        catch (RpcException ex)
        {
            failure = $"unexpected RPC failure: {ex.Status}";
        }
        catch (TimeoutException)
        {
            failure = $"did not complete within {Watchdog.TotalSeconds:0} s (hung?)";
        }
        catch (Exception ex)
        {
            failure = $"crashed: {ex}";
        }
        var outcome = failure is null ? "PASS" : "FAIL";
        Console.WriteLine($"{outcome} {name} ({stopwatch.ElapsedMilliseconds} ms)");
        if (failure is not null)
        {
            Console.Error.WriteLine($"FAIL {name}: {failure}");
        }
        return failure is null;
    }
}
