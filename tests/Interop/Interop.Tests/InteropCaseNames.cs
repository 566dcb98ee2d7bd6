namespace Interop.Tests;

/// <summary>The interop test cases (doc/interop-test-descriptions.md) both clients must pass against both servers.</summary>
public static class InteropCaseNames
{
    public static readonly IReadOnlyList<string> All =
    [
        "empty_unary",
        "large_unary",
        "client_streaming",
        "server_streaming",
        "ping_pong",
        "empty_stream",
        "status_code_and_message",
        "special_status_message",
        "custom_metadata",
        "unimplemented_method",
        "unimplemented_service",
        "cancel_after_begin",
        "cancel_after_first_response",
        "timeout_on_sleeping_server",
    ];

    public static TheoryData<string> Cases => new(All);
}
