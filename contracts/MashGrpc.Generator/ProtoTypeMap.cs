using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MashGrpc.Generator
{
    /// <summary>
    /// Maps fully qualified proto message names (".pkg.Msg", ".pkg.Outer.Inner") to the C# types protoc
    /// generated for them (<c>global::Ns.Msg</c>, <c>global::Ns.Outer.Types.Inner</c>).
    /// </summary>
    internal sealed class ProtoTypeMap
    {
        private const string GoogleProtobufPrefix = ".google.protobuf.";

        // Top-level messages of google/protobuf/descriptor.proto, whose C# namespace is
        // Google.Protobuf.Reflection rather than Google.Protobuf.WellKnownTypes.
        private static readonly HashSet<string> DescriptorProtoMessages = new(StringComparer.Ordinal)
        {
            "FileDescriptorSet", "FileDescriptorProto", "DescriptorProto", "ExtensionRangeOptions",
            "FieldDescriptorProto", "OneofDescriptorProto", "EnumDescriptorProto", "EnumValueDescriptorProto",
            "ServiceDescriptorProto", "MethodDescriptorProto", "FileOptions", "MessageOptions", "FieldOptions",
            "OneofOptions", "EnumOptions", "EnumValueOptions", "ServiceOptions", "MethodOptions",
            "UninterpretedOption", "FeatureSet", "FeatureSetDefaults", "SourceCodeInfo", "GeneratedCodeInfo",
        };

        private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);

        /// <summary>Builds the map over every protoc-generated file of the compilation.</summary>
        public ProtoTypeMap(IEnumerable<DescriptorSource> sources)
        {
            foreach (var source in sources)
            {
                if (source.File is not { } file)
                {
                    continue;
                }

                var protoPrefix = "." + (file.Package.Length == 0 ? "" : file.Package + ".");
                foreach (var path in file.MessageTypes)
                {
                    var key = protoPrefix + path;
                    if (!_types.ContainsKey(key))
                    {
                        _types.Add(key, CsTypeName(source.CsNamespace, path.Split('.')));
                    }
                }
            }
        }

        /// <summary>
        /// Resolves a proto message type used by <paramref name="user"/>, in this order: a file of this
        /// compilation; a google.protobuf type of the Google.Protobuf runtime; a type of an imported file
        /// compiled into a referenced assembly (looked up in the namespaces of the user's imports).
        /// Returns null when none applies.
        /// </summary>
        public string? Resolve(string protoType, DescriptorSource user, Compilation compilation)
        {
            if (_types.TryGetValue(protoType, out var csType))
            {
                return csType;
            }

            if (protoType.StartsWith(GoogleProtobufPrefix, StringComparison.Ordinal))
            {
                var path = protoType.Substring(GoogleProtobufPrefix.Length).Split('.');
                if (path[0].Length > 0 && char.IsUpper(path[0][0]))
                {
                    var ns = DescriptorProtoMessages.Contains(path[0])
                        ? "Google.Protobuf.Reflection"
                        : "Google.Protobuf.WellKnownTypes";
                    return CsTypeName(ns, path);
                }
            }

            return ResolveFromReferences(protoType, user.DependencyNamespaces, compilation);
        }

        /// <summary>
        /// For a type of an imported file whose generated code is not in this compilation: the import's
        /// package is unknown, so try each split of the name into package and message path, under each
        /// import's C# namespace, preferring the longest package.
        /// </summary>
        private static string? ResolveFromReferences(string protoType, EquatableArray<string> namespaces, Compilation compilation)
        {
            var segments = protoType.TrimStart('.').Split('.');
            foreach (var ns in namespaces)
            {
                for (var packageLength = segments.Length - 1; packageLength >= 0; packageLength--)
                {
                    var path = new string[segments.Length - packageLength];
                    Array.Copy(segments, packageLength, path, 0, path.Length);
                    var metadataName = (ns.Length == 0 ? "" : ns + ".") + string.Join("+Types+", path);
                    if (compilation.GetTypeByMetadataName(metadataName) is { TypeKind: TypeKind.Class })
                    {
                        return CsTypeName(ns, path);
                    }
                }
            }

            return null;
        }

        /// <summary>protoc nests a message's nested types in its <c>Types</c> class.</summary>
        private static string CsTypeName(string csNamespace, string[] path)
            => "global::" + (csNamespace.Length == 0 ? "" : csNamespace + ".") + string.Join(".Types.", path);
    }
}
