using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ticker.Analyzers;

/// <summary>Every ticker function name a compilation can refer to: its own <c>[TickerFunction]</c> methods, the
/// names of descriptors it builds by hand, and the functions referenced assemblies list in their manifests.</summary>
internal sealed class FunctionIndex
{
    private readonly Dictionary<string, List<KnownFunction>> _byName;

    private FunctionIndex(Dictionary<string, List<KnownFunction>> byName)
    {
        _byName = byName;
    }

    public IEnumerable<string> Names => _byName.Keys;

    public IReadOnlyList<KnownFunction> Named(string name) =>
        _byName.TryGetValue(name, out var functions) ? functions : Array.Empty<KnownFunction>();

    public static FunctionIndex Build(Compilation compilation, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, List<KnownFunction>>(StringComparer.Ordinal);
        foreach (var function in DeclaredFunctions(compilation.Assembly.GlobalNamespace, cancellationToken)
            .Concat(HandRegisteredFunctions(compilation, cancellationToken))
            .Concat(ReferencedFunctions(compilation)))
        {
            if (!byName.TryGetValue(function.Name, out var list))
            {
                byName[function.Name] = list = new List<KnownFunction>();
            }

            list.Add(function);
        }

        return new FunctionIndex(byName);
    }

    /// <summary>The function a <c>[TickerFunction]</c> method declares, or null for any other method.</summary>
    public static KnownFunction? FromMethod(IMethodSymbol method)
    {
        var attribute = method.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.FullName() == TickerNames.TickerFunctionAttribute);
        if (attribute is null || attribute.ConstructorArguments.FirstOrDefault().Value is not string name)
        {
            return null;
        }

        var request = method.Parameters
            .Select(p => p.Type)
            .OfType<INamedTypeSymbol>()
            .FirstOrDefault(t => t.FullName() == TickerNames.TickerFunctionContextOfT)
            ?.TypeArguments[0];
        var origin = $"'{method.ContainingType.ToDisplayString()}.{method.Name}'";

        return new KnownFunction(name, request, RequestTypeKnown: true, origin, method);
    }

    private static IEnumerable<KnownFunction> DeclaredFunctions(INamespaceOrTypeSymbol container, CancellationToken ct)
    {
        foreach (var member in container.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            var found = member switch
            {
                INamespaceOrTypeSymbol nested => DeclaredFunctions(nested, ct),
                IMethodSymbol method when FromMethod(method) is { } function => new[] { function },
                _ => Enumerable.Empty<KnownFunction>(),
            };
            foreach (var function in found)
            {
                yield return function;
            }
        }
    }

    /// <summary>Names passed as a literal to <c>new TickerFunctionDescriptor("...", ...)</c>, found by syntax
    /// alone.</summary>
    private static IEnumerable<KnownFunction> HandRegisteredFunctions(Compilation compilation, CancellationToken ct)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(ct);
            foreach (var creation in root.DescendantNodes().OfType<BaseObjectCreationExpressionSyntax>())
            {
                var typeName = (creation as ObjectCreationExpressionSyntax)?.Type.ToString() ?? string.Empty;
                var first = creation.ArgumentList?.Arguments.FirstOrDefault()?.Expression as LiteralExpressionSyntax;
                if (typeName.EndsWith("TickerFunctionDescriptor", StringComparison.Ordinal)
                    && first is not null && first.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    yield return new KnownFunction(
                        first.Token.ValueText, null, RequestTypeKnown: false, "a TickerFunctionDescriptor", null);
                }
            }
        }
    }

    private static IEnumerable<KnownFunction> ReferencedFunctions(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                if (attribute.AttributeClass?.FullName() != TickerNames.ManifestAttribute
                    || attribute.ConstructorArguments.Length < 2
                    || attribute.ConstructorArguments[0].Value is not string name)
                {
                    continue;
                }

                var request = attribute.ConstructorArguments[1].Value as ITypeSymbol;
                var origin = $"assembly '{assembly.Name}'";
                yield return new KnownFunction(name, request, RequestTypeKnown: true, origin, null);
            }
        }
    }
}
