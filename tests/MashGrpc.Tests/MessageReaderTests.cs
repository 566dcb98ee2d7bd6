using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Pipelines;
using MashGrpc.Core;
using MashGrpc.Internal;

namespace MashGrpc.Tests;

public sealed class MessageReaderTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);
    private static readonly Func<ReadOnlySequence<byte>, byte[]> ToBytes = static s => s.ToArray();

    private readonly Pipe pipe = new();

    [Fact]
    public async Task Reads_a_complete_frame_then_a_clean_end()
    {
        await WriteAsync(Frame([1, 2, 3]), complete: true);
        var reader = Reader();

        var (hasMessage, message) = await reader.ReadAsync(ToBytes, default);
        Assert.True(hasMessage);
        Assert.Equal([1, 2, 3], message);

        Assert.False((await reader.ReadAsync(ToBytes, default)).HasMessage);
    }

    [Fact]
    public async Task Reads_an_empty_message()
    {
        await WriteAsync(Frame([]), complete: true);
        var (hasMessage, message) = await Reader().ReadAsync(ToBytes, default);
        Assert.True(hasMessage);
        Assert.Empty(message);
    }

    [Fact]
    public async Task Reads_consecutive_frames_from_one_write()
    {
        await WriteAsync([.. Frame([1]), .. Frame([2, 2]), .. Frame([3, 3, 3])], complete: true);
        var reader = Reader();
        var messages = new List<byte[]>();
        while ((await reader.ReadAsync(ToBytes, default)) is (true, var message))
        {
            messages.Add(message);
        }
        Assert.Equal([[1], [2, 2], [3, 3, 3]], messages);
    }

    [Fact]
    public async Task Reads_a_frame_split_across_writes()
    {
        var frame = Frame([10, 20, 30, 40, 50]);
        var reader = Reader();
        await WriteAsync(frame[..2]); // part of the header
        var read = reader.ReadAsync(ToBytes, default).AsTask();
        await WriteAsync(frame[2..7]); // the rest of the header and part of the body
        Assert.False(read.IsCompleted, "The message cannot be complete before its last byte arrives.");
        await WriteAsync(frame[7..], complete: true);

        var (hasMessage, message) = await read.WaitAsync(Guard);
        Assert.True(hasMessage);
        Assert.Equal([10, 20, 30, 40, 50], message);
    }

    [Fact]
    public async Task Truncated_header_is_internal()
    {
        await WriteAsync([0, 0, 0], complete: true);
        await AssertFailsAsync(StatusCode.Internal, Reader().ReadAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task Truncated_body_is_internal()
    {
        await WriteAsync(Frame(new byte[10])[..9], complete: true);
        await AssertFailsAsync(StatusCode.Internal, Reader().ReadAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task Declared_length_over_the_limit_is_resource_exhausted_before_the_body_arrives()
    {
        // Only the header is written and the writer stays open: the reader must not wait for 101 bytes.
        await WriteAsync(Header(101));
        var read = Reader(maxReceiveMessageSize: 100).ReadAsync(ToBytes, default).AsTask();
        await AssertFailsAsync(StatusCode.ResourceExhausted, read.WaitAsync(Guard));
    }

    [Fact]
    public async Task Declared_length_at_the_limit_is_accepted()
    {
        await WriteAsync(Frame(new byte[100]), complete: true);
        var (hasMessage, message) = await Reader(maxReceiveMessageSize: 100).ReadAsync(ToBytes, default);
        Assert.True(hasMessage);
        Assert.Equal(100, message.Length);
    }

    [Fact]
    public async Task Declared_length_beyond_int_max_is_resource_exhausted_without_a_limit()
    {
        await WriteAsync(Header(uint.MaxValue));
        await AssertFailsAsync(StatusCode.ResourceExhausted, Reader(maxReceiveMessageSize: null).ReadAsync(ToBytes, default).AsTask().WaitAsync(Guard));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    public async Task Compressed_flag_without_an_encoding_is_internal(string? encoding)
    {
        await WriteAsync(Frame(Gzip([1, 2, 3]), flag: 1), complete: true);
        await AssertFailsAsync(StatusCode.Internal, Reader(encoding: encoding).ReadAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task Compressed_flag_with_an_unsupported_encoding_is_unimplemented()
    {
        await WriteAsync(Frame([1, 2, 3], flag: 1), complete: true);
        await AssertFailsAsync(StatusCode.Unimplemented, Reader(encoding: "snappy").ReadAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task Gzip_frame_is_decompressed()
    {
        var payload = Enumerable.Range(0, 5000).Select(i => (byte)(i % 7)).ToArray();
        await WriteAsync(Frame(Gzip(payload), flag: 1), complete: true);
        var (hasMessage, message) = await Reader(encoding: "gzip").ReadAsync(ToBytes, default);
        Assert.True(hasMessage);
        Assert.Equal(payload, message);
    }

    [Fact]
    public async Task Uncompressed_frame_is_read_as_is_when_an_encoding_is_set()
    {
        await WriteAsync(Frame([4, 5, 6]), complete: true);
        var (_, message) = await Reader(encoding: "gzip").ReadAsync(ToBytes, default);
        Assert.Equal([4, 5, 6], message);
    }

    [Fact]
    public async Task Gzip_frame_inflating_past_the_limit_is_resource_exhausted()
    {
        var compressed = Gzip(new byte[100_000]); // a few hundred bytes on the wire
        Assert.True(compressed.Length < 1000);
        await WriteAsync(Frame(compressed, flag: 1), complete: true);
        await AssertFailsAsync(StatusCode.ResourceExhausted, Reader(maxReceiveMessageSize: 1000, encoding: "gzip").ReadAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task Bytes_that_are_not_gzip_are_internal()
    {
        await WriteAsync(Frame([.. "this is not gzip data at all"u8], flag: 1), complete: true);
        await AssertFailsAsync(StatusCode.Internal, Reader(encoding: "gzip").ReadAsync(ToBytes, default).AsTask());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public async Task Unknown_flag_value_is_internal(byte flag)
    {
        await WriteAsync(Frame([1], flag), complete: true);
        await AssertFailsAsync(StatusCode.Internal, Reader().ReadAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task Deserializer_failure_is_internal()
    {
        await WriteAsync(Frame([1]), complete: true);
        var ex = await AssertFailsAsync(StatusCode.Internal, Reader().ReadAsync<byte[]>(_ => throw new FormatException("bad bytes"), default).AsTask());
        Assert.IsType<FormatException>(ex.Status.DebugException);
    }

    [Fact]
    public async Task ReadSingle_returns_the_only_message()
    {
        await WriteAsync(Frame([7, 7]), complete: true);
        Assert.Equal([7, 7], await Reader().ReadSingleAsync(ToBytes, default));
    }

    [Fact]
    public async Task ReadSingle_waits_for_the_end_of_the_stream()
    {
        var reader = Reader();
        await WriteAsync(Frame([7]));
        var read = reader.ReadSingleAsync(ToBytes, default).AsTask();
        await Task.Yield();
        Assert.False(read.IsCompleted, "A second message could still arrive.");
        await pipe.Writer.CompleteAsync();
        Assert.Equal([7], await read.WaitAsync(Guard));
    }

    [Fact]
    public async Task ReadSingle_with_no_message_is_internal()
    {
        await pipe.Writer.CompleteAsync();
        await AssertFailsAsync(StatusCode.Internal, Reader().ReadSingleAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task ReadSingle_with_a_second_message_is_internal()
    {
        await WriteAsync([.. Frame([1]), .. Frame([2])], complete: true);
        await AssertFailsAsync(StatusCode.Internal, Reader().ReadSingleAsync(ToBytes, default).AsTask());
    }

    [Fact]
    public async Task ReadSingle_with_trailing_bytes_arriving_later_is_internal()
    {
        var reader = Reader();
        await WriteAsync(Frame([1]));
        var read = reader.ReadSingleAsync(ToBytes, default).AsTask();
        await WriteAsync([0xAB], complete: true);
        await AssertFailsAsync(StatusCode.Internal, read.WaitAsync(Guard));
    }

    [Fact]
    public async Task Read_observes_cancellation_while_waiting()
    {
        using var cts = new CancellationTokenSource();
        var read = Reader().ReadAsync(ToBytes, cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Guard));
    }

    private MessageReader Reader(int? maxReceiveMessageSize = GrpcProtocol.DefaultMaxReceiveMessageSize, string? encoding = null) =>
        new(pipe.Reader, maxReceiveMessageSize, encoding);

    private async Task WriteAsync(byte[] bytes, bool complete = false)
    {
        await pipe.Writer.WriteAsync(bytes);
        if (complete)
        {
            await pipe.Writer.CompleteAsync();
        }
    }

    private static async Task<RpcException> AssertFailsAsync(StatusCode expected, Task read)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => read);
        Assert.Equal(expected, ex.StatusCode);
        return ex;
    }

    private static byte[] Header(uint length, byte flag = 0)
    {
        var header = new byte[5];
        header[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), length);
        return header;
    }

    private static byte[] Frame(byte[] payload, byte flag = 0) => [.. Header((uint)payload.Length, flag), .. payload];

    private static byte[] Gzip(byte[] payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(payload);
        }
        return output.ToArray();
    }
}
