namespace MashGrpc.Core;

/// <summary>How a stream writes its next messages (Grpc.Core's <c>WriteOptions</c>).</summary>
public sealed class WriteOptions(WriteFlags flags = default)
{
    public static readonly WriteOptions Default = new();

    public WriteFlags Flags => flags;

    /// <summary>Whether a write with <paramref name="options"/> is sent now, rather than held for the next flushed write.</summary>
    internal static bool Flushes(WriteOptions? options) => options is null || !options.Flags.HasFlag(WriteFlags.BufferHint);
}

[Flags]
public enum WriteFlags
{
    /// <summary>The message may wait in the buffer with those after it; the next write without the hint, or the call's end, sends them all.</summary>
    BufferHint = 0x1,

    /// <summary>Send the message uncompressed.</summary>
    NoCompress = 0x2,
}
