// Why this generator reads protoc's output instead of the .proto files
// --------------------------------------------------------------------
// Grpc.Tools compiles every <Protobuf> item with protoc; with GrpcServices="None" protoc emits only the
// message classes, and grpc_csharp_plugin (which would emit the service stubs) is not available to us.
// But protoc's C# output already carries everything a service generator needs: each XReflection class
// embeds the file's serialized google.protobuf.FileDescriptorProto (the `descriptorData` base64 string),
// with every service, rpc and streaming flag, and every type name already resolved by protoc to a fully
// qualified proto name. The C# namespace of that file's types is the namespace of its Reflection class
// (csharp_namespace included), and every message class is named after its proto path.
//
// So rather than re-parse .proto text (imports, include paths, scoping rules, options: a second,
// divergent protobuf front end), this generator reads protoc's result from the compilation's syntax
// trees: it decodes the embedded descriptors with a tiny wire reader, maps proto type names to the C#
// types protoc generated, and emits the typed server base class and client for the MashGrpc.Core
// runtime. It sees exactly what protoc compiled, needs no file access, and works in any project that
// compiles protos, the MashGrpc runtime project included.

using Microsoft.CodeAnalysis;

namespace MashGrpc.Generator
{
    /// <summary>
    /// Generates, for every protobuf service compiled by protoc into the compilation, the typed gRPC
    /// server base class, BindService and client against the MashGrpc.Core runtime
    /// (one file per service, <c>{CsNamespace}.{Service}.g.cs</c>).
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ServiceGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var descriptors = context.SyntaxProvider
                .CreateSyntaxProvider(
                    static (node, _) => DescriptorData.IsCandidate(node),
                    static (syntax, cancellationToken) => DescriptorData.Read(syntax.Node, cancellationToken))
                .Where(static source => source is not null)
                .Select(static (source, _) => source!)
                .Collect();

            // The compilation is only consulted for types of imports compiled into referenced assemblies;
            // the result is equatable, so unchanged services are not re-emitted on unrelated edits.
            var result = descriptors
                .Combine(context.CompilationProvider)
                .Select(static (pair, cancellationToken) => ServiceResolver.Resolve(pair.Left, pair.Right, cancellationToken));

            context.RegisterSourceOutput(
                result.SelectMany(static (r, _) => r.Diagnostics),
                static (spc, diagnostic) => spc.ReportDiagnostic(Diagnostics.Create(diagnostic)));

            context.RegisterSourceOutput(
                result.SelectMany(static (r, _) => r.Services),
                static (spc, service) => spc.AddSource(service.HintName, ServiceEmitter.Emit(service)));
        }
    }
}
