using Grpc.Core;
using Mash.Importer.Replay;

namespace Mash.Importer;

/// <summary>
/// A run that cannot go on, in the words mash-import prints and with its exit code. Each leaves the
/// checkpoint as it was, so the same command continues where the run stopped once the cause is mended.
/// </summary>
internal static class RunStopped
{
    /// <summary>What to print and the exit code, or null when <paramref name="failure"/> is not one of these.</summary>
    public static (string Message, int ExitCode)? Explain(Exception failure) => failure switch
    {
        StaleCheckpointException stale => (stale.Message, 2),
        // A token can expire during a long import (England's year takes over an hour).
        RpcException { StatusCode: StatusCode.Unauthenticated or StatusCode.PermissionDenied } refused =>
            ($"the platform refused the token ({refused.StatusCode}: {refused.Status.Detail}). Run the same command again with a new token: it continues where this run stopped.", 2),
        _ => null,
    };
}
