using System.Buffers;

namespace MashGrpc.Core;

/// <summary>Writes a message into a span of exactly <see cref="Marshaller{T}.CalculateSize"/> bytes.</summary>
public delegate void SpanSerializer<in T>(T message, Span<byte> destination);

/// <summary>
/// Turns messages into bytes and back. Sizing first lets the framing layer write the
/// 5-byte prefix and the message straight into the transport's buffer, with no copy.
/// </summary>
public sealed class Marshaller<T>(
    Func<T, int> calculateSize,
    SpanSerializer<T> serializer,
    Func<ReadOnlySequence<byte>, T> deserializer)
{
    public Func<T, int> CalculateSize { get; } = calculateSize;
    public SpanSerializer<T> Serializer { get; } = serializer;
    public Func<ReadOnlySequence<byte>, T> Deserializer { get; } = deserializer;
}
