using Grpc.Core;

namespace Mash.Board.Calls;

/// <summary>What a failed call means for the reader, without the service's own message (which may name hosts).</summary>
public static class ServiceProblem
{
    public static string Words(string service, StatusCode status) => status switch
    {
        StatusCode.Unauthenticated => "Your sign-in has expired. Sign out and sign in again.",
        StatusCode.PermissionDenied => $"{service} does not let your role see this.",
        StatusCode.Unavailable or StatusCode.DeadlineExceeded => $"{service} is not answering just now. Try again in a minute.",
        _ => $"{service} could not answer ({status}).",
    };
}
