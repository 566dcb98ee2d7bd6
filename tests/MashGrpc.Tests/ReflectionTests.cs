using Google.Protobuf.Reflection;
using MashGrpc.Core;
using MashGrpc.Reflection.V1;
using MashGrpc.Server;
using V1Alpha = MashGrpc.Reflection.V1Alpha;

namespace MashGrpc.Tests;

/// <summary>Server reflection (v1 and v1alpha) through the generated clients, as a tool like grpcurl uses it.</summary>
public sealed class ReflectionTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(20);

    private static Task<TestServer> StartAsync() => TestServer.StartAsync(map: app => app.MapGrpcService<ProbeService>());

    /// <summary>Sends the requests on one reflection stream and returns the answer to each.</summary>
    private static async Task<List<ServerReflectionResponse>> AskAsync(TestServer server, params ServerReflectionRequest[] requests)
    {
        using var channel = server.CreateChannel();
        var client = new ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo();
        var responses = new List<ServerReflectionResponse>();
        foreach (var request in requests)
        {
            await call.RequestStream.WriteAsync(request);
            Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
            responses.Add(call.ResponseStream.Current);
        }
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        return responses;
    }

    private static async Task<ServerReflectionResponse> AskAsync(TestServer server, ServerReflectionRequest request) =>
        (await AskAsync(server, [request]))[0];

    private static List<FileDescriptorProto> Files(ServerReflectionResponse response)
    {
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.FileDescriptorResponse, response.MessageResponseCase);
        return [.. response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom)];
    }

    [Fact]
    public async Task List_services_names_the_mapped_services_health_and_reflection()
    {
        await using var server = await StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { ListServices = "*" });

        var names = response.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("mashgrpc.test.Echo", names);
        Assert.Contains("mashgrpc.test.Probe", names);
        Assert.Contains("grpc.health.v1.Health", names);
        Assert.Contains("grpc.reflection.v1.ServerReflection", names);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("mashgrpc.test.Echo")]
    [InlineData("mashgrpc.test.Echo.Unary")]
    [InlineData("mashgrpc.test.EchoRequest")]
    [InlineData("mashgrpc.test.EchoReply")]
    public async Task File_containing_symbol_returns_echo_proto_first(string symbol)
    {
        await using var server = await StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileContainingSymbol = symbol });

        var file = Files(response)[0];
        Assert.Equal("echo.proto", file.Name);
        Assert.Equal("mashgrpc.test", file.Package);
        Assert.Contains(file.Service, s => s.Name == "Echo" && s.Method.Any(m => m.Name == "Unary"));
        Assert.Contains(file.MessageType, m => m.Name == "EchoRequest");
    }

    [Fact]
    public async Task File_by_filename_includes_the_files_it_imports()
    {
        await using var server = await StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileByFilename = "probe.proto" });

        var files = Files(response);
        Assert.Equal("probe.proto", files[0].Name);
        Assert.Contains("google/protobuf/empty.proto", files[0].Dependency);
        Assert.Contains(files, f => f.Name == "google/protobuf/empty.proto" && f.MessageType.Any(m => m.Name == "Empty"));
    }

    [Fact]
    public async Task File_containing_symbol_of_an_imported_message_returns_its_file()
    {
        await using var server = await StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileContainingSymbol = "google.protobuf.Empty" });

        Assert.Equal("google/protobuf/empty.proto", Files(response)[0].Name);
    }

    [Fact]
    public async Task File_descriptors_from_reflection_build_into_a_usable_descriptor_set()
    {
        await using var server = await StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileContainingSymbol = "mashgrpc.test.Probe" });

        // The answer lists each file before its imports: reversed, it is the order a tool builds them in.
        // Building fails unless every import was sent.
        var sent = response.FileDescriptorResponse.FileDescriptorProto.Reverse().ToList();
        var built = FileDescriptor.BuildFromByteStrings(sent);
        var probe = built.Single(f => f.Name == "probe.proto");
        var method = probe.Services.Single(s => s.FullName == "mashgrpc.test.Probe").FindMethodByName("FailRich");
        Assert.Equal("google.protobuf.Empty", method.OutputType.FullName);
    }

    [Theory]
    [InlineData("no.such.Symbol")]
    [InlineData("mashgrpc.test.Echo.NoSuchMethod")]
    public async Task Unknown_symbol_gets_a_not_found_error_response(string symbol)
    {
        await using var server = await StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileContainingSymbol = symbol });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, response.MessageResponseCase);
        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
        Assert.Equal(symbol, response.OriginalRequest.FileContainingSymbol);
    }

    [Fact]
    public async Task Unknown_file_gets_a_not_found_error_response()
    {
        await using var server = await StartAsync();

        var response = await AskAsync(server, new ServerReflectionRequest { FileByFilename = "nope.proto" });

        Assert.Equal((int)StatusCode.NotFound, response.ErrorResponse.ErrorCode);
    }

    [Fact]
    public async Task One_stream_answers_several_requests_in_order()
    {
        await using var server = await StartAsync();

        var responses = await AskAsync(server,
            new ServerReflectionRequest { ListServices = "" },
            new ServerReflectionRequest { FileContainingSymbol = "grpc.health.v1.Health" },
            new ServerReflectionRequest { FileContainingSymbol = "missing.Thing" });

        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ListServicesResponse, responses[0].MessageResponseCase);
        Assert.Equal("grpc/health/v1/health.proto", Files(responses[1])[0].Name);
        Assert.Equal(ServerReflectionResponse.MessageResponseOneofCase.ErrorResponse, responses[2].MessageResponseCase);
    }

    [Fact]
    public async Task V1alpha_lists_services_and_finds_symbols_too()
    {
        await using var server = await StartAsync();
        using var channel = server.CreateChannel();
        var client = new V1Alpha.ServerReflection.ServerReflectionClient(channel);
        using var call = client.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { ListServices = "*" });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "mashgrpc.test.Echo.Unary" });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        var found = call.ResponseStream.Current;
        await call.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { FileContainingSymbol = "no.such.Symbol" });
        Assert.True(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));
        var missing = call.ResponseStream.Current;
        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(default).WaitAsync(HangGuard));

        Assert.Contains("mashgrpc.test.Echo", services);
        Assert.Contains("grpc.health.v1.Health", services);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", services);
        Assert.Equal("echo.proto", FileDescriptorProto.Parser.ParseFrom(found.FileDescriptorResponse.FileDescriptorProto[0]).Name);
        Assert.Equal((int)StatusCode.NotFound, missing.ErrorResponse.ErrorCode);
        Assert.Equal("no.such.Symbol", missing.OriginalRequest.FileContainingSymbol);
    }
}
