using System.Linq;
using Microsoft.CodeAnalysis;

namespace MashGrpc.Generator
{
    internal static class Diagnostics
    {
        private const string Category = "MashGrpc";

        public static readonly DiagnosticDescriptor UnresolvedType = new(
            id: "MASHGRPC001",
            title: "Protobuf type cannot be resolved to a C# type",
            messageFormat: "Cannot resolve protobuf type '{0}' used by rpc '{1}' of service '{2}' (from {3}) to a C# type; no gRPC code is generated for this service",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: "Every request and response type must be compiled by protoc into this compilation, be a google.protobuf type, or come from an imported file compiled into a referenced assembly.");

        public static readonly DiagnosticDescriptor UndecodableDescriptor = new(
            id: "MASHGRPC002",
            title: "Embedded protoc file descriptor cannot be decoded",
            messageFormat: "The file descriptor embedded in '{0}' cannot be decoded ({1}); no gRPC code is generated for its services",
            category: Category,
            defaultSeverity: DiagnosticSeverity.Warning,
            isEnabledByDefault: true);

        public static Diagnostic Create(DiagnosticInfo info)
        {
            var descriptor = info.Id == UnresolvedType.Id ? UnresolvedType : UndecodableDescriptor;
            return Diagnostic.Create(descriptor, info.Location.ToLocation(), info.Arguments.Cast<object>().ToArray());
        }
    }
}
