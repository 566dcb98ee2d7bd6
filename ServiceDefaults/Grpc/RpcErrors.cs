using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using FieldViolation = Google.Rpc.BadRequest.Types.FieldViolation;

namespace Mash.ServiceDefaults;

/// <summary>The failures a service answers with; INVALID_ARGUMENT in the rich error model (google.rpc.Status with a BadRequest, in <c>grpc-status-details-bin</c>).</summary>
public static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with a BadRequest naming every field at fault, and <paramref name="message"/> in words.</summary>
    public static RpcException InvalidArgument(string message, IEnumerable<FieldViolation> violations) => new Google.Rpc.Status
    {
        Code = (int)Code.InvalidArgument,
        Message = message,
        Details = { Any.Pack(new BadRequest { FieldViolations = { violations } }) },
    }.ToRpcException();

    /// <summary>INVALID_ARGUMENT with a BadRequest naming every field at fault, and the same in words (<see cref="Describe"/>).</summary>
    public static RpcException InvalidArgument(IReadOnlyList<FieldViolation> violations) => InvalidArgument(Describe(violations), violations);

    /// <summary>INVALID_ARGUMENT with a BadRequest naming the one field at fault.</summary>
    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new FieldViolation { Field = field, Description = description }]);

    /// <summary>The fields at fault in words: <c>field: description; field: description</c> (a description's full stop dropped).</summary>
    public static string Describe(IEnumerable<FieldViolation> violations) =>
        string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description.TrimEnd('.')}"));

    public static RpcException NotFound(string message) => Of(StatusCode.NotFound, message);

    public static RpcException Unauthenticated(string message) => Of(StatusCode.Unauthenticated, message);

    public static RpcException PermissionDenied(string message) => Of(StatusCode.PermissionDenied, message);

    public static RpcException FailedPrecondition(string message) => Of(StatusCode.FailedPrecondition, message);

    public static RpcException ResourceExhausted(string message) => Of(StatusCode.ResourceExhausted, message);

    /// <summary>
    /// RESOURCE_EXHAUSTED with a <c>google.rpc.RetryInfo</c>: the service is shedding load, nothing
    /// was done, and the same request may be sent again after <paramref name="retryDelay"/>.
    /// </summary>
    public static RpcException ResourceExhausted(string message, TimeSpan retryDelay) => new Google.Rpc.Status
    {
        Code = (int)Code.ResourceExhausted,
        Message = message,
        Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryDelay) }) },
    }.ToRpcException();

    public static RpcException Unavailable(string message) => Of(StatusCode.Unavailable, message);

    private static RpcException Of(StatusCode code, string message) => new(new Grpc.Core.Status(code, message));
}
