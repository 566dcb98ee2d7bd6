using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MashGrpc.Generator
{
    /// <summary>Turns the decoded descriptors of a compilation into emit-ready service models and diagnostics.</summary>
    internal static class ServiceResolver
    {
        public static GeneratorResult Resolve(ImmutableArray<DescriptorSource> sources, Compilation compilation, CancellationToken cancellationToken)
        {
            var typeMap = new ProtoTypeMap(sources);
            var services = ImmutableArray.CreateBuilder<ServiceModel>();
            var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
            var hintNames = new HashSet<string>(StringComparer.Ordinal);

            foreach (var source in sources)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (source.File is not { } file)
                {
                    diagnostics.Add(new DiagnosticInfo(
                        Diagnostics.UndecodableDescriptor.Id,
                        source.Location,
                        ImmutableArray.Create(source.ReflectionClass, source.Error ?? "unknown error").ToEquatableArray()));
                    continue;
                }

                for (var index = 0; index < file.Services.Count; index++)
                {
                    var service = ResolveService(source, file, index, typeMap, compilation, diagnostics);
                    // A duplicate hint name would make AddSource throw; duplicated protoc output fails to compile anyway.
                    if (service is not null && hintNames.Add(service.HintName))
                    {
                        services.Add(service);
                    }
                }
            }

            return new GeneratorResult(services.ToImmutable().ToEquatableArray(), diagnostics.ToImmutable().ToEquatableArray());
        }

        private static ServiceModel? ResolveService(
            DescriptorSource source,
            ProtoFile file,
            int index,
            ProtoTypeMap typeMap,
            Compilation compilation,
            ImmutableArray<DiagnosticInfo>.Builder diagnostics)
        {
            var service = file.Services[index];
            var fullName = file.Package.Length == 0 ? service.Name : file.Package + "." + service.Name;
            var marshallers = new Dictionary<string, MarshallerModel>(StringComparer.Ordinal);
            var marshallerOrder = new List<MarshallerModel>();
            var unresolved = new HashSet<string>(StringComparer.Ordinal);
            var fieldNames = new HashSet<string>(StringComparer.Ordinal);
            var methods = ImmutableArray.CreateBuilder<MethodModel>();
            var resolved = true;

            string? MarshallerFor(string protoType, ProtoMethod method)
            {
                if (marshallers.TryGetValue(protoType, out var existing))
                {
                    return existing.FieldName;
                }

                if (unresolved.Contains(protoType))
                {
                    return null;
                }

                var csType = typeMap.Resolve(protoType, source, compilation);
                if (csType is null)
                {
                    unresolved.Add(protoType);
                    diagnostics.Add(new DiagnosticInfo(
                        Diagnostics.UnresolvedType.Id,
                        source.Location,
                        ImmutableArray.Create(protoType, method.Name, fullName, file.Name).ToEquatableArray()));
                    resolved = false;
                    return null;
                }

                var fieldName = "__Marshaller_" + protoType.TrimStart('.').Replace('.', '_');
                for (var suffix = 2; !fieldNames.Add(fieldName); suffix++)
                {
                    fieldName = "__Marshaller_" + protoType.TrimStart('.').Replace('.', '_') + "_" + suffix;
                }

                var model = new MarshallerModel(fieldName, csType);
                marshallers.Add(protoType, model);
                marshallerOrder.Add(model);
                return fieldName;
            }

            foreach (var method in service.Methods)
            {
                var request = MarshallerFor(method.InputType, method);
                var response = MarshallerFor(method.OutputType, method);
                if (request is null || response is null)
                {
                    continue;
                }

                methods.Add(new MethodModel(
                    method.Name,
                    EscapeIdentifier(method.Name),
                    KindOf(method),
                    marshallers[method.InputType].CsType,
                    marshallers[method.OutputType].CsType,
                    request,
                    response));
            }

            if (!resolved)
            {
                return null;
            }

            var hintName = (source.CsNamespace.Length == 0 ? "" : source.CsNamespace + ".") + service.Name + ".g.cs";
            return new ServiceModel(
                hintName,
                source.CsNamespace,
                service.Name,
                fullName,
                file.Name,
                source.ReflectionClass,
                index,
                source.IsInternal,
                marshallerOrder.ToEquatableArray(),
                methods.ToImmutable().ToEquatableArray());
        }

        private static MethodKind KindOf(ProtoMethod method) => (method.ClientStreaming, method.ServerStreaming) switch
        {
            (false, false) => MethodKind.Unary,
            (true, false) => MethodKind.ClientStreaming,
            (false, true) => MethodKind.ServerStreaming,
            _ => MethodKind.DuplexStreaming,
        };

        /// <summary>Prefixes '@' to an rpc name that is a reserved C# keyword.</summary>
        public static string EscapeIdentifier(string name)
            => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
    }
}
