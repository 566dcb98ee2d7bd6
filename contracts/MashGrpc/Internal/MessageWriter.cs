using System.Buffers;
using System.Buffers.Binary;
using MashGrpc.Core;

namespace MashGrpc.Internal;

/// <summary>Writes length-prefixed messages straight into a transport buffer.</summary>
internal static class MessageWriter
{
    public static void WriteFrame<T>(IBufferWriter<byte> writer, T message, Marshaller<T> marshaller, int? maxSendMessageSize)
    {
        var size = CheckedSize(message, marshaller, maxSendMessageSize);
        var frame = writer.GetSpan(GrpcProtocol.HeaderSize + size);
        frame[0] = 0; // not compressed
        BinaryPrimitives.WriteUInt32BigEndian(frame[1..], (uint)size);
        marshaller.Serializer(message, frame.Slice(GrpcProtocol.HeaderSize, size));
        writer.Advance(GrpcProtocol.HeaderSize + size);
    }

    /// <summary>The frame in an array of exactly its size (no growing buffer, no copy).</summary>
    public static byte[] ToFrame<T>(T message, Marshaller<T> marshaller, int? maxSendMessageSize)
    {
        var size = CheckedSize(message, marshaller, maxSendMessageSize);
        var frame = new byte[GrpcProtocol.HeaderSize + size]; // frame[0] = 0: not compressed
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        marshaller.Serializer(message, frame.AsSpan(GrpcProtocol.HeaderSize, size));
        return frame;
    }

    private static int CheckedSize<T>(T message, Marshaller<T> marshaller, int? maxSendMessageSize)
    {
        var size = marshaller.CalculateSize(message);
        if (size > maxSendMessageSize)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Sending message exceeds the maximum configured message size."));
        }
        return size;
    }
}
