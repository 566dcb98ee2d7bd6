using Google.Protobuf;
using Grpc.Testing;
using MashGrpc.Core;

namespace Interop.Server;

internal static class Payloads
{
    /// <summary>A COMPRESSABLE payload of <paramref name="size"/> zero bytes; other types or sizes are INVALID_ARGUMENT.</summary>
    public static Payload Zeros(PayloadType type, int size)
    {
        if (type != PayloadType.Compressable)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Unsupported response_type {type}."));
        }
        if (size < 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"Invalid response size {size}."));
        }
        return new Payload { Type = PayloadType.Compressable, Body = ByteString.CopyFrom(new byte[size]) };
    }
}
