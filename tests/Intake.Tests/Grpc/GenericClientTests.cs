using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Reflection.V1;
using Mash.Contracts.Intake.V1;
using Mash.Intake.Tests.Infrastructure;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Mash.Intake.Tests.Grpc;

/// <summary>
/// Intake as a generic gRPC tool (grpcurl, grpc_health_probe, a load balancer) meets it over a real
/// port: grpc.health.v1 and server reflection answer without credentials, and a client that knows
/// nothing of Intake's contracts but what reflection tells it can call it.
/// </summary>
[Collection(IntakeDatabaseCollection.Name)]
public sealed class GenericClientTests(IntakeDatabase database) : PoliceIntakeServer(database, PoliceToken)
{
    private const string PoliceToken = "police-west-token-for-the-generic-client-tests-0123456789";
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly Metadata Police = new() { { "authorization", $"Bearer {PoliceToken}" } };
    private static readonly string IntakeServiceName = IntakeService.Descriptor.FullName;

    [Theory]
    [InlineData("")]
    [InlineData("mash.intake.v1.IntakeService")]
    public async Task Health_answers_SERVING_for_the_server_and_for_Intake_without_credentials(string service)
    {
        var health = new Health.HealthClient(Server.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest { Service = service }).ResponseAsync.WaitAsync(HangGuard);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_v1_and_v1alpha_list_Intake_health_and_reflection_without_credentials()
    {
        var v1 = await AskAsync(new ServerReflectionRequest { ListServices = "" });
        using var alpha = new V1Alpha.ServerReflection.ServerReflectionClient(Server.Channel).ServerReflectionInfo();
        await alpha.RequestStream.WriteAsync(new V1Alpha.ServerReflectionRequest { ListServices = "" }).WaitAsync(HangGuard);
        await alpha.RequestStream.CompleteAsync().WaitAsync(HangGuard);
        Assert.True(await alpha.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));

        string[] expected = [IntakeServiceName, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];
        Assert.Superset(expected.ToHashSet(), v1.ListServicesResponse.Service.Select(s => s.Name).ToHashSet());
        Assert.Superset(expected.ToHashSet(), alpha.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToHashSet());
    }

    [Fact]
    public async Task A_client_knowing_only_what_reflection_says_calls_GetContact()
    {
        var submitted = await new IntakeService.IntakeServiceClient(Server.Channel).SubmitContactAsync(TestContacts.Request(), Police).ResponseAsync.WaitAsync(HangGuard);

        // Everything below comes from reflection: the method's path, its messages' field numbers and the enum's names.
        var reflected = await AskAsync(new ServerReflectionRequest { FileContainingSymbol = IntakeServiceName });
        var files = BuildInDependencyOrder(reflected.FileDescriptorResponse.FileDescriptorProto);
        var getContact = files.SelectMany(f => f.Services).Single(s => s.FullName == IntakeServiceName).FindMethodByName("GetContact");
        var request = Encode(getContact.InputType.FindFieldByName("contact_id"), submitted.ContactId);
        var bytes = Marshallers.Create(b => b, b => b);
        var call = new Method<byte[], byte[]>(MethodType.Unary, getContact.Service.FullName, getContact.Name, bytes, bytes);
        var response = await Server.Channel.CreateCallInvoker().AsyncUnaryCall(call, null, new CallOptions(Police), request).ResponseAsync.WaitAsync(HangGuard);
        var fields = Decode(response);

        var contactId = getContact.OutputType.FindFieldByName("contact_id");
        var status = getContact.OutputType.FindFieldByName("status");
        Assert.Equal(submitted.ContactId, fields[contactId.FieldNumber].ToStringUtf8());
        Assert.Equal("CONTACT_STATUS_RECEIVED", status.EnumType.FindValueByNumber((int)new CodedInputStream(fields[status.FieldNumber].ToByteArray()).ReadEnum()).Name);
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(Server.Channel).ServerReflectionInfo();
        await call.RequestStream.WriteAsync(request).WaitAsync(HangGuard);
        await call.RequestStream.CompleteAsync().WaitAsync(HangGuard);
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(HangGuard));
        return call.ResponseStream.Current;
    }

    /// <summary>The reflected files built as a tool builds them: each after the files it imports (building fails if one is missing).</summary>
    private static IReadOnlyList<FileDescriptor> BuildInDependencyOrder(IEnumerable<ByteString> reflected)
    {
        var protos = reflected.Select(b => (Bytes: b, Proto: FileDescriptorProto.Parser.ParseFrom(b))).ToList();
        var ordered = new List<ByteString>();
        var placed = new HashSet<string>();
        while (ordered.Count < protos.Count)
        {
            var ready = protos.First(p => !placed.Contains(p.Proto.Name) && p.Proto.Dependency.All(placed.Contains));
            placed.Add(ready.Proto.Name);
            ordered.Add(ready.Bytes);
        }
        return FileDescriptor.BuildFromByteStrings(ordered);
    }

    private static byte[] Encode(FieldDescriptor field, string value)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer))
        {
            output.WriteTag(field.FieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
        }
        return buffer.ToArray();
    }

    /// <summary>Each top-level field's raw value (length-delimited contents, or a varint's bytes), by number.</summary>
    private static Dictionary<int, ByteString> Decode(byte[] message)
    {
        var fields = new Dictionary<int, ByteString>();
        var input = new CodedInputStream(message);
        while (input.ReadTag() is var tag and not 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.LengthDelimited:
                    fields[number] = input.ReadBytes();
                    break;
                case WireFormat.WireType.Varint:
                    using (var varint = new MemoryStream())
                    {
                        using (var output = new CodedOutputStream(varint))
                        {
                            output.WriteUInt64(input.ReadUInt64());
                        }
                        fields[number] = ByteString.CopyFrom(varint.ToArray());
                    }
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return fields;
    }
}
