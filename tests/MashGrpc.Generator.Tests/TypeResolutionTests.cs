using Microsoft.CodeAnalysis;

namespace MashGrpc.Generator.Tests;

/// <summary>How proto type names used by rpcs map to C# types.</summary>
public class TypeResolutionTests
{
    [Fact]
    public void Nested_message_types_resolve_to_Outer_Types_Inner()
    {
        var code = GeneratorHarness.Run(["Test.cs", "Other.cs"]).Source("Grpc.Testing.SecondService.g.cs");
        Assert.Contains("global::MashGrpc.Core.Method<global::Grpc.Testing.Outer.Types.Inner, global::Grpc.Testing.Outer.Types.Inner.Types.Deeper> __Method_NestedCall", code);
        Assert.Contains("__Marshaller_grpc_testing_Outer_Inner = global::MashGrpc.Core.Marshallers.Create(global::Grpc.Testing.Outer.Types.Inner.Parser);", code);
        Assert.Contains("__Marshaller_grpc_testing_Outer_Inner_Deeper = global::MashGrpc.Core.Marshallers.Create(global::Grpc.Testing.Outer.Types.Inner.Types.Deeper.Parser);", code);
    }

    [Fact]
    public void Google_protobuf_Empty_resolves_to_WellKnownTypes()
    {
        var code = GeneratorHarness.Run(["Test.cs", "Other.cs"]).Source("Grpc.Testing.TestService.g.cs");
        Assert.Contains("global::MashGrpc.Core.Method<global::Google.Protobuf.WellKnownTypes.Empty, global::Google.Protobuf.WellKnownTypes.Empty> __Method_EmptyCall", code);
        Assert.Contains("__Marshaller_google_protobuf_Empty = global::MashGrpc.Core.Marshallers.Create(global::Google.Protobuf.WellKnownTypes.Empty.Parser);", code);
    }

    [Fact]
    public void Type_imported_from_another_package_resolves_to_its_csharp_namespace()
    {
        var code = GeneratorHarness.Run(["Test.cs", "Other.cs"]).Source("Grpc.Testing.SecondService.g.cs");
        Assert.Contains("global::MashGrpc.Core.Method<global::Custom.Other.OtherMessage, global::Custom.Other.OtherMessage> __Method_ImportedCall", code);
        Assert.Contains("__Marshaller_other_pkg_OtherMessage = global::MashGrpc.Core.Marshallers.Create(global::Custom.Other.OtherMessage.Parser);", code);
    }

    [Fact]
    public void Type_imported_from_a_referenced_assembly_resolves_through_the_import_namespace()
    {
        // other.proto's messages live in another assembly; only test.proto's output is in this compilation.
        var library = GeneratorHarness.Compilation([GeneratorHarness.Tree(GeneratorHarness.Protoc("Other.cs"), "Other.cs")]);
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var run = GeneratorHarness.Run(["Test.cs"], extraReferences: [MetadataReference.CreateFromImage(image.ToArray())]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains("__Marshaller_other_pkg_OtherMessage = global::MashGrpc.Core.Marshallers.Create(global::Custom.Other.OtherMessage.Parser);", run.Source("Grpc.Testing.SecondService.g.cs"));
    }

    [Fact]
    public void Unresolvable_type_reports_MASHGRPC001_and_skips_only_that_service()
    {
        // test.proto imports other.proto, whose generated code is missing here.
        var run = GeneratorHarness.Run(["Test.cs"]);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("MASHGRPC001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("'.other.pkg.OtherMessage'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'ImportedCall'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("Test.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(["Grpc.Testing.TestService.g.cs"], run.Sources.Select(s => s.HintName));
    }
}
