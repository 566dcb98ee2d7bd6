using System.Net;
using Google.Protobuf;
using MashGrpc.Core;
using MashGrpc.Tests.Echo;
using static MashGrpc.Tests.RawGrpcClient;

namespace MashGrpc.Tests;

/// <summary>Malformed requests fail with the right status, and the server keeps serving after each.</summary>
public sealed class ServerBadInputTests : IAsyncLifetime
{
    private static readonly byte[] Hello = new EchoRequest { Text = "hello" }.ToByteArray();

    private TestServer server = null!;
    private RawGrpcClient raw = null!;

    public async Task InitializeAsync()
    {
        server = await TestServer.StartAsync();
        raw = new RawGrpcClient(server.Address);
    }

    public async Task DisposeAsync()
    {
        raw.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Truncated_length_prefix_is_internal()
    {
        var response = await raw.PostAsync(EchoUnary, [0, 0, 0]);
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Truncated_message_body_is_internal()
    {
        var response = await raw.PostAsync(EchoUnary, Frame(Hello)[..^2]);
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Declared_length_over_the_default_4MB_limit_is_resource_exhausted()
    {
        // Only the 5-byte prefix is sent: the limit is enforced on the declared length, not after buffering.
        var response = await raw.PostAsync(EchoUnary, Header(4 * 1024 * 1024 + 1));
        await AssertFailedAsync(response, StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task Garbage_protobuf_bytes_are_internal()
    {
        // Field 1, length-delimited, says 5 bytes follow; only 1 does.
        var response = await raw.PostAsync(EchoUnary, Frame([0x0A, 0x05, 0x61]));
        Assert.Empty(server.Log.Calls); // the handler never ran
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("identity")]
    public async Task Compressed_flag_without_a_compressing_grpc_encoding_is_internal(string? encoding)
    {
        var headers = encoding is null ? [] : new[] { ("grpc-encoding", encoding) };
        var response = await raw.PostAsync(EchoUnary, Frame(Gzip(Hello), flag: 1), headers);
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Unknown_flag_value_is_internal()
    {
        var response = await raw.PostAsync(EchoUnary, Frame(Hello, flag: 2));
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Unsupported_grpc_encoding_is_unimplemented_and_lists_the_supported_ones()
    {
        var response = await raw.PostAsync(EchoUnary, Frame(Hello, flag: 1), [("grpc-encoding", "snappy")]);

        await AssertFailedAsync(response, StatusCode.Unimplemented);
        Assert.True(response.Headers.TryGetValue("grpc-accept-encoding", out var accepted), response.ToString());
        Assert.Contains("gzip", accepted.Split(',', StringSplitOptions.TrimEntries));
        Assert.Contains("identity", accepted.Split(',', StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task Gzip_compressed_request_with_grpc_encoding_gzip_is_ok()
    {
        var response = await raw.PostAsync(EchoUnary, Frame(Gzip(Hello), flag: 1), [("grpc-encoding", "gzip")]);

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("hello", EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).Text);
    }

    [Fact]
    public async Task Uncompressed_message_with_grpc_encoding_gzip_is_ok()
    {
        // The flag, not the header, says whether a given message is compressed.
        var response = await raw.PostAsync(EchoUnary, Frame(Hello), [("grpc-encoding", "gzip")]);

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal("hello", EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).Text);
    }

    [Fact]
    public async Task Corrupt_gzip_payload_is_internal()
    {
        var response = await raw.PostAsync(EchoUnary, Frame("definitely not gzip"u8.ToArray(), flag: 1), [("grpc-encoding", "gzip")]);
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Request_with_no_body_at_all_is_internal()
    {
        var response = await raw.PostAsync(EchoUnary, body: null);
        Assert.Empty(server.Log.Calls);
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Two_messages_to_a_unary_method_are_internal()
    {
        var response = await raw.PostAsync(EchoUnary, [.. Frame(Hello), .. Frame(Hello)]);
        Assert.Empty(server.Log.Calls);
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Two_messages_to_a_server_streaming_method_are_internal()
    {
        var response = await raw.PostAsync(EchoServerStream, [.. Frame(Hello), .. Frame(Hello)]);
        await AssertFailedAsync(response, StatusCode.Internal);
    }

    [Fact]
    public async Task Truncated_message_in_a_client_stream_is_internal()
    {
        var one = Frame(new EchoRequest { Text = "a" }.ToByteArray());
        var response = await raw.PostAsync("/mashgrpc.test.Echo/ClientStream", [.. one, .. one[..3]]);
        await AssertFailedAsync(response, StatusCode.Internal, trailersOnly: false);
    }

    [Fact]
    public async Task Malformed_grpc_timeout_is_ignored()
    {
        var response = await raw.PostAsync(EchoUnary, Frame(Hello), [("grpc-timeout", "soon")]);

        Assert.Equal(0, response.GrpcStatus);
        Assert.Equal(DateTime.MaxValue, Assert.Single(server.Log.Calls).Deadline);
    }

    [Fact]
    public async Task Get_request_is_not_a_grpc_call()
    {
        using var http = new HttpClient(new SocketsHttpHandler()) { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var response = await http.GetAsync(new Uri(server.Address, EchoUnary));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        await server.AssertStillServesAsync(raw);
    }

    private async Task AssertFailedAsync(RawResponse response, StatusCode expected, bool trailersOnly = true)
    {
        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True((int)expected == response.GrpcStatus, $"Expected {expected} ({(int)expected}); got {response}");
        Assert.False(string.IsNullOrEmpty(response.GrpcMessage), "A failure should say why.");
        if (trailersOnly)
        {
            Assert.True(response.IsTrailersOnly, response.ToString());
        }
        await server.AssertStillServesAsync(raw);
    }
}
