using Microsoft.CodeAnalysis;

namespace MashGrpc.Generator.Tests;

/// <summary>The generated code compiles, bad input is reported, and unchanged input is not regenerated.</summary>
public class CompilationTests
{
    [Fact]
    public void Generated_code_compiles_against_the_runtime_api_with_zero_errors()
    {
        var run = GeneratorHarness.Run(["Test.cs", "Other.cs", "MessagesOnly.cs"], [CoreStub.Tree(), GeneratorHarness.Tree(SampleUse, "SampleUse.cs")]);

        Assert.Empty(run.DriverDiagnostics);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(3, run.Sources.Length);
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var generatedWarnings = run.Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .ToList();
        Assert.True(generatedWarnings.Count == 0, string.Join("\n", generatedWarnings));
    }

    // A service implementation and client use, as an application would write them.
    private const string SampleUse = """
        using System.Threading.Tasks;
        using Grpc.Testing;
        using MashGrpc.Core;

        sealed class Impl : TestService.TestServiceBase
        {
            public override Task<SimpleResponse> UnaryCall(SimpleRequest request, ServerCallContext context)
                => Task.FromResult(new SimpleResponse { Payload = request.Payload });

            public override Task FullDuplexCall(IAsyncStreamReader<SimpleRequest> requestStream, IServerStreamWriter<SimpleResponse> responseStream, ServerCallContext context)
                => Task.CompletedTask;
        }

        static class Use
        {
            static void Bind(ServiceBinder<Impl> binder) => TestService.BindService(binder);

            static SimpleResponse Call(CallInvoker invoker)
            {
                var client = new TestService.TestServiceClient(invoker);
                AsyncDuplexStreamingCall<SimpleRequest, SimpleResponse> duplex = client.FullDuplexCall();
                AsyncUnaryCall<Google.Protobuf.WellKnownTypes.Empty> empty = client.EmptyCallAsync(new Google.Protobuf.WellKnownTypes.Empty());
                return client.UnaryCall(new SimpleRequest(), deadline: System.DateTime.UtcNow);
            }
        }
        """;

    [Fact]
    public void Undecodable_descriptor_reports_MASHGRPC002()
    {
        const string source = """
            namespace Broken
            {
                public static partial class BrokenReflection
                {
                    static BrokenReflection()
                    {
                        byte[] descriptorData = global::System.Convert.FromBase64String(string.Concat("CgZicm9rZW4S", "/w=="));
                    }
                }
            }
            """;
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation([GeneratorHarness.Tree(source, "Broken.cs")]));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MASHGRPC002", diagnostic.Id);
        Assert.Contains("global::Broken.BrokenReflection", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Descriptor_data_outside_a_Reflection_class_is_ignored()
    {
        const string source = """
            static class Helper
            {
                static byte[] Make()
                {
                    byte[] descriptorData = global::System.Convert.FromBase64String("not base64!");
                    return descriptorData;
                }
            }
            """;
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation([GeneratorHarness.Tree(source, "Helper.cs")]));
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Unrelated_edit_does_not_regenerate_services()
    {
        var first = GeneratorHarness.Run(["Test.cs", "Other.cs"]);
        var edited = first.Output.AddSyntaxTrees(GeneratorHarness.Tree("class Unrelated { }", "Unrelated.cs"));

        var driver = first.Driver.RunGenerators(edited);
        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(step => step.Outputs)
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}
