using System.Collections.Generic;
using System.Collections.Immutable;

namespace MashGrpc.Generator
{
    /// <summary>
    /// Decodes the few fields of <c>google.protobuf.FileDescriptorProto</c> the generator needs;
    /// every other field is skipped.
    /// </summary>
    internal static class FileDescriptorDecoder
    {
        // FileDescriptorProto
        private const int FileName = 1;
        private const int FilePackage = 2;
        private const int FileDependency = 3;
        private const int FileMessageType = 4;
        private const int FileService = 6;
        private const int FileOptions = 8;

        // FileOptions
        private const int OptionsCsharpNamespace = 37;

        // DescriptorProto
        private const int MessageName = 1;
        private const int MessageNestedType = 3;

        // ServiceDescriptorProto
        private const int ServiceName = 1;
        private const int ServiceMethod = 2;

        // MethodDescriptorProto
        private const int MethodName = 1;
        private const int MethodInputType = 2;
        private const int MethodOutputType = 3;
        private const int MethodClientStreaming = 5;
        private const int MethodServerStreaming = 6;

        /// <summary>Decodes a serialized FileDescriptorProto; throws FormatException if malformed.</summary>
        public static ProtoFile Decode(byte[] data)
        {
            var reader = new WireReader(data);
            var name = "";
            var package = "";
            string? csharpNamespace = null;
            var dependencies = ImmutableArray.CreateBuilder<string>();
            var messages = ImmutableArray.CreateBuilder<string>();
            var services = ImmutableArray.CreateBuilder<ProtoService>();

            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case FileName when wireType == WireReader.LengthDelimited:
                        name = reader.ReadString();
                        break;
                    case FilePackage when wireType == WireReader.LengthDelimited:
                        package = reader.ReadString();
                        break;
                    case FileDependency when wireType == WireReader.LengthDelimited:
                        dependencies.Add(reader.ReadString());
                        break;
                    case FileMessageType when wireType == WireReader.LengthDelimited:
                        ReadMessageType(reader.ReadMessage(), "", messages);
                        break;
                    case FileService when wireType == WireReader.LengthDelimited:
                        services.Add(ReadService(reader.ReadMessage()));
                        break;
                    case FileOptions when wireType == WireReader.LengthDelimited:
                        csharpNamespace = ReadCsharpNamespace(reader.ReadMessage()) ?? csharpNamespace;
                        break;
                    default:
                        reader.SkipField(field, wireType);
                        break;
                }
            }

            return new ProtoFile(
                name,
                package,
                dependencies.ToImmutable().ToEquatableArray(),
                messages.ToImmutable().ToEquatableArray(),
                services.ToImmutable().ToEquatableArray(),
                csharpNamespace);
        }

        /// <summary>Adds the message and, depth first, its nested messages as dotted paths.</summary>
        private static void ReadMessageType(WireReader reader, string parentPath, ICollection<string> into)
        {
            var name = "";
            var nested = new List<WireReader>();
            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case MessageName when wireType == WireReader.LengthDelimited:
                        name = reader.ReadString();
                        break;
                    case MessageNestedType when wireType == WireReader.LengthDelimited:
                        nested.Add(reader.ReadMessage());
                        break;
                    default:
                        reader.SkipField(field, wireType);
                        break;
                }
            }

            var path = parentPath.Length == 0 ? name : parentPath + "." + name;
            into.Add(path);
            foreach (var child in nested)
            {
                ReadMessageType(child, path, into);
            }
        }

        private static ProtoService ReadService(WireReader reader)
        {
            var name = "";
            var methods = ImmutableArray.CreateBuilder<ProtoMethod>();
            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case ServiceName when wireType == WireReader.LengthDelimited:
                        name = reader.ReadString();
                        break;
                    case ServiceMethod when wireType == WireReader.LengthDelimited:
                        methods.Add(ReadMethod(reader.ReadMessage()));
                        break;
                    default:
                        reader.SkipField(field, wireType);
                        break;
                }
            }

            return new ProtoService(name, methods.ToImmutable().ToEquatableArray());
        }

        private static ProtoMethod ReadMethod(WireReader reader)
        {
            var name = "";
            var input = "";
            var output = "";
            var clientStreaming = false;
            var serverStreaming = false;
            while (reader.TryReadTag(out var field, out var wireType))
            {
                switch (field)
                {
                    case MethodName when wireType == WireReader.LengthDelimited:
                        name = reader.ReadString();
                        break;
                    case MethodInputType when wireType == WireReader.LengthDelimited:
                        input = reader.ReadString();
                        break;
                    case MethodOutputType when wireType == WireReader.LengthDelimited:
                        output = reader.ReadString();
                        break;
                    case MethodClientStreaming when wireType == WireReader.Varint:
                        clientStreaming = reader.ReadBool();
                        break;
                    case MethodServerStreaming when wireType == WireReader.Varint:
                        serverStreaming = reader.ReadBool();
                        break;
                    default:
                        reader.SkipField(field, wireType);
                        break;
                }
            }

            return new ProtoMethod(name, input, output, clientStreaming, serverStreaming);
        }

        private static string? ReadCsharpNamespace(WireReader reader)
        {
            string? result = null;
            while (reader.TryReadTag(out var field, out var wireType))
            {
                if (field == OptionsCsharpNamespace && wireType == WireReader.LengthDelimited)
                {
                    result = reader.ReadString();
                }
                else
                {
                    reader.SkipField(field, wireType);
                }
            }

            return result;
        }
    }
}
