using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace GrpcBenchmark;

/// <summary>
/// gRPC's length-prefixed message framing done by hand for the ceilings: a 0 byte (not compressed),
/// a big-endian 32-bit length, then the protobuf message.
/// </summary>
internal static class GrpcFrame
{
    public const int HeaderSize = 5;

    /// <summary>One frame in an array of exactly its size.</summary>
    public static byte[] ToArray(IMessage message)
    {
        var size = message.CalculateSize();
        var frame = new byte[HeaderSize + size];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)size);
        message.WriteTo(frame.AsSpan(HeaderSize));
        return frame;
    }

    /// <summary>One frame into the writer's buffer; the caller flushes.</summary>
    public static void Write(IBufferWriter<byte> writer, IMessage message)
    {
        var size = message.CalculateSize();
        var frame = writer.GetSpan(HeaderSize + size);
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame[1..], (uint)size);
        message.WriteTo(frame.Slice(HeaderSize, size));
        writer.Advance(HeaderSize + size);
    }

    /// <summary>A body that must be exactly one uncompressed frame.</summary>
    public static T ParseSingle<T>(MessageParser<T> parser, ReadOnlySequence<byte> body)
        where T : IMessage<T>
    {
        if (!TryRead(ref body, parser, out var message) || body.Length != 0)
        {
            throw new InvalidDataException("Not exactly one uncompressed gRPC frame.");
        }
        return message;
    }

    /// <inheritdoc cref="ParseSingle{T}(MessageParser{T}, ReadOnlySequence{byte})"/>
    public static T ParseSingle<T>(MessageParser<T> parser, ReadOnlySpan<byte> body)
        where T : IMessage<T>
    {
        if (body.Length < HeaderSize || body[0] != 0 || body.Length != HeaderSize + BinaryPrimitives.ReadUInt32BigEndian(body[1..]))
        {
            throw new InvalidDataException("Not exactly one uncompressed gRPC frame.");
        }
        return parser.ParseFrom(body[HeaderSize..]);
    }

    /// <summary>The next whole frame at the start of the buffer, which then starts after it; false when it has not all arrived.</summary>
    public static bool TryRead<T>(ref ReadOnlySequence<byte> buffer, MessageParser<T> parser, out T message)
        where T : IMessage<T>
    {
        message = default!;
        if (buffer.Length < HeaderSize)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        if (header[0] != 0)
        {
            throw new InvalidDataException("A compressed gRPC frame.");
        }
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (buffer.Length < HeaderSize + length)
        {
            return false;
        }
        message = parser.ParseFrom(buffer.Slice(HeaderSize, length));
        buffer = buffer.Slice(HeaderSize + length);
        return true;
    }
}
