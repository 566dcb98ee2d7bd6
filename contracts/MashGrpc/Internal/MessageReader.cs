using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using MashGrpc.Core;

namespace MashGrpc.Internal;

/// <summary>
/// Reads length-prefixed messages from a pipe, enforcing the receive limit before buffering,
/// and failing with INTERNAL on truncated frames, unknown flags and undecodable bytes.
/// </summary>
internal sealed class MessageReader(PipeReader reader, int? maxReceiveMessageSize, string? encoding)
{
    /// <summary>Reads the next message; false at a clean end of stream.</summary>
    public async ValueTask<(bool HasMessage, T Message)> ReadAsync<T>(Func<ReadOnlySequence<byte>, T> deserialize, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (TryReadFrame(ref buffer, out var compressed, out var payload))
            {
                try
                {
                    return (true, Deserialize(payload, compressed, deserialize));
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }
            }
            if (result.IsCompleted || result.IsCanceled)
            {
                reader.AdvanceTo(buffer.End);
                if (buffer.Length > 0)
                {
                    throw Internal("Incomplete message.");
                }
                return (false, default!);
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads exactly one message, then the end of the stream (unary and server-streaming requests).</summary>
    public async ValueTask<T> ReadSingleAsync<T>(Func<ReadOnlySequence<byte>, T> deserialize, CancellationToken cancellationToken)
    {
        var (hasMessage, message) = await ReadAsync(deserialize, cancellationToken).ConfigureAwait(false);
        if (!hasMessage)
        {
            throw Internal("Incomplete message.");
        }
        var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        while (!result.IsCompleted && result.Buffer.IsEmpty)
        {
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        var extra = result.Buffer.Length;
        reader.AdvanceTo(result.Buffer.End);
        return extra == 0 ? message : throw Internal("Additional data after the message received.");
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }
        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw Internal($"Unexpected compressed flag value {header[0]}."),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)(maxReceiveMessageSize ?? int.MaxValue))
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }
        if (buffer.Length < GrpcProtocol.HeaderSize + length)
        {
            return false;
        }
        payload = buffer.Slice(GrpcProtocol.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private T Deserialize<T>(ReadOnlySequence<byte> payload, bool compressed, Func<ReadOnlySequence<byte>, T> deserialize)
    {
        if (compressed)
        {
            payload = Decompress(payload);
        }
        try
        {
            return deserialize(payload);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to deserialize message.", ex));
        }
    }

    private ReadOnlySequence<byte> Decompress(ReadOnlySequence<byte> payload)
    {
        if (encoding is null or GrpcProtocol.IdentityEncoding)
        {
            throw Internal("Compressed message received without a grpc-encoding.");
        }
        if (encoding != GrpcProtocol.GzipEncoding)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, $"Unsupported grpc-encoding value '{encoding}'."));
        }
        using var gzip = new GZipStream(new MemoryStream(payload.ToArray()), CompressionMode.Decompress);
        using var output = new MemoryStream();
        var limit = maxReceiveMessageSize ?? int.MaxValue;
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = gzip.Read(chunk)) > 0)
            {
                output.Write(chunk, 0, read);
                if (output.Length > limit)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
                }
            }
        }
        catch (InvalidDataException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, "Failed to decompress message.", ex));
        }
        return new ReadOnlySequence<byte>(output.ToArray());
    }

    private static RpcException Internal(string detail) => new(new Status(StatusCode.Internal, detail));
}
