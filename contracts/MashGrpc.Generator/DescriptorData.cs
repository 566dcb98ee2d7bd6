using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MashGrpc.Generator
{
    /// <summary>
    /// Finds the file descriptors protoc embeds in its C# output and decodes them. In each generated
    /// <c>XReflection</c> class protoc writes:
    /// <code>
    /// byte[] descriptorData = global::System.Convert.FromBase64String(string.Concat("...", "..."));
    /// descriptor = pbr::FileDescriptor.FromGeneratedCode(descriptorData,
    ///     new pbr::FileDescriptor[] { global::Dep.Ns.DepReflection.Descriptor, },
    ///     ...);
    /// </code>
    /// </summary>
    internal static class DescriptorData
    {
        private const string VariableName = "descriptorData";
        private const string ReflectionSuffix = "Reflection";

        /// <summary>Cheap syntactic filter: a variable named <c>descriptorData</c> with an initializer.</summary>
        public static bool IsCandidate(SyntaxNode node)
            => node is VariableDeclaratorSyntax { Initializer: not null } declarator
               && declarator.Identifier.ValueText == VariableName;

        /// <summary>
        /// Reads the descriptor of a candidate declarator, or null when it is not inside a top-level
        /// <c>*Reflection</c> class or holds no string literals (then it is not protoc's).
        /// </summary>
        public static DescriptorSource? Read(SyntaxNode node, CancellationToken cancellationToken)
        {
            if (node is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator)
            {
                return null;
            }

            var reflectionClass = declarator.FirstAncestorOrSelf<ClassDeclarationSyntax>();
            if (reflectionClass is null
                || !reflectionClass.Identifier.ValueText.EndsWith(ReflectionSuffix, StringComparison.Ordinal)
                || reflectionClass.Parent is not (BaseNamespaceDeclarationSyntax or CompilationUnitSyntax))
            {
                return null;
            }

            var base64 = ConcatStringLiterals(initializer.Value);
            if (base64 is null)
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();

            var csNamespace = NamespaceOf(reflectionClass);
            var qualifiedClass = "global::" + (csNamespace.Length == 0 ? "" : csNamespace + ".") + reflectionClass.Identifier.ValueText;
            var isInternal = !reflectionClass.Modifiers.Any(SyntaxKind.PublicKeyword);
            var dependencies = DependencyNamespaces(reflectionClass);
            var location = LocationInfo.From(declarator);

            ProtoFile? file = null;
            string? error = null;
            try
            {
                file = FileDescriptorDecoder.Decode(Convert.FromBase64String(base64));
            }
            catch (FormatException ex)
            {
                error = ex.Message;
            }

            return new DescriptorSource(qualifiedClass, csNamespace, isInternal, dependencies, location, file, error);
        }

        private static string? ConcatStringLiterals(ExpressionSyntax expression)
        {
            var builder = new StringBuilder();
            var found = false;
            foreach (var literal in expression.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>())
            {
                if (literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    builder.Append(literal.Token.ValueText);
                    found = true;
                }
            }

            return found ? builder.ToString() : null;
        }

        private static string NamespaceOf(SyntaxNode node)
        {
            var parts = new List<string>();
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is BaseNamespaceDeclarationSyntax ns)
                {
                    parts.Insert(0, RemoveWhitespace(ns.Name.ToString()));
                }
            }

            return string.Join(".", parts);
        }

        /// <summary>
        /// The namespaces of the Reflection classes named in the dependency array of
        /// <c>FileDescriptor.FromGeneratedCode(descriptorData, new FileDescriptor[] { ... }, ...)</c>.
        /// </summary>
        private static EquatableArray<string> DependencyNamespaces(ClassDeclarationSyntax reflectionClass)
        {
            var result = ImmutableArray.CreateBuilder<string>();
            foreach (var invocation in reflectionClass.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromGeneratedCode" }
                    || invocation.ArgumentList.Arguments.Count < 2)
                {
                    continue;
                }

                var initializer = invocation.ArgumentList.Arguments[1].Expression switch
                {
                    ArrayCreationExpressionSyntax array => array.Initializer,
                    ImplicitArrayCreationExpressionSyntax array => array.Initializer,
                    _ => null,
                };
                if (initializer is null)
                {
                    continue;
                }

                foreach (var element in initializer.Expressions)
                {
                    if (element is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Descriptor" } access)
                    {
                        var typeName = RemoveWhitespace(access.Expression.ToString());
                        if (typeName.StartsWith("global::", StringComparison.Ordinal))
                        {
                            typeName = typeName.Substring("global::".Length);
                        }

                        var lastDot = typeName.LastIndexOf('.');
                        var ns = lastDot < 0 ? "" : typeName.Substring(0, lastDot);
                        if (!result.Contains(ns))
                        {
                            result.Add(ns);
                        }
                    }
                }
            }

            return result.ToImmutable().ToEquatableArray();
        }

        private static string RemoveWhitespace(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
