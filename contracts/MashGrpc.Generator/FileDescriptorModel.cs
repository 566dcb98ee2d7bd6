using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MashGrpc.Generator
{
    // The records below are the equatable models of the incremental pipeline: what protoc's embedded
    // descriptors say (ProtoFile...), where each came from (DescriptorSource), and the resolved services
    // ready to emit (ServiceModel...). They hold no syntax nodes or symbols, so caching works.

    /// <summary>An rpc as declared in the .proto (types are fully qualified proto names, e.g. ".pkg.Msg").</summary>
    internal sealed record ProtoMethod(string Name, string InputType, string OutputType, bool ClientStreaming, bool ServerStreaming);

    /// <summary>A service as declared in the .proto.</summary>
    internal sealed record ProtoService(string Name, EquatableArray<ProtoMethod> Methods);

    /// <summary>
    /// The parts of a <c>google.protobuf.FileDescriptorProto</c> the generator needs.
    /// <see cref="MessageTypes"/> holds every message of the file as its dotted path below the package
    /// ("Outer", "Outer.Inner").
    /// </summary>
    internal sealed record ProtoFile(
        string Name,
        string Package,
        EquatableArray<string> Dependencies,
        EquatableArray<string> MessageTypes,
        EquatableArray<ProtoService> Services,
        string? CsharpNamespace);

    /// <summary>A serializable stand-in for a <see cref="Location"/>.</summary>
    internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public static LocationInfo From(SyntaxNode node)
        {
            var location = node.GetLocation();
            return new LocationInfo(node.SyntaxTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
        }

        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
    }

    /// <summary>
    /// One protoc-generated <c>*Reflection</c> class found in the compilation.
    /// <see cref="ReflectionClass"/> is fully qualified (<c>global::Ns.XReflection</c>);
    /// <see cref="CsNamespace"/> is the namespace holding the file's C# types ("" for none);
    /// <see cref="DependencyNamespaces"/> are the namespaces of the Reflection classes of its imports.
    /// Exactly one of <see cref="File"/> and <see cref="Error"/> is set.
    /// </summary>
    internal sealed record DescriptorSource(
        string ReflectionClass,
        string CsNamespace,
        bool IsInternal,
        EquatableArray<string> DependencyNamespaces,
        LocationInfo Location,
        ProtoFile? File,
        string? Error);

    internal enum MethodKind
    {
        Unary,
        ClientStreaming,
        ServerStreaming,
        DuplexStreaming,
    }

    /// <summary>A marshaller field: <c>static readonly Marshaller&lt;CsType&gt; FieldName</c>.</summary>
    internal sealed record MarshallerModel(string FieldName, string CsType);

    /// <summary>An rpc with its C# request/response types resolved.</summary>
    internal sealed record MethodModel(
        string Name,
        string CsName,
        MethodKind Kind,
        string RequestType,
        string ResponseType,
        string RequestMarshaller,
        string ResponseMarshaller);

    /// <summary>A service ready to emit.</summary>
    internal sealed record ServiceModel(
        string HintName,
        string CsNamespace,
        string ClassName,
        string FullName,
        string ProtoFileName,
        string ReflectionClass,
        int Index,
        bool IsInternal,
        EquatableArray<MarshallerModel> Marshallers,
        EquatableArray<MethodModel> Methods);

    /// <summary>A diagnostic to report, by descriptor id and message arguments.</summary>
    internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> Arguments);

    /// <summary>Everything the generator emits for one compilation.</summary>
    internal sealed record GeneratorResult(EquatableArray<ServiceModel> Services, EquatableArray<DiagnosticInfo> Diagnostics);
}
