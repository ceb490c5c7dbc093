using System.Linq;
using Microsoft.CodeAnalysis;
using Ticker.Analyzers;

namespace Ticker.Generators;

/// <summary>The instance part of the function parser: the target is built from the run's services with its public
/// constructor that has the most parameters, and disposed after the run when it is disposable.</summary>
internal sealed partial class FunctionParser
{
    private TargetConstructionSpec? DescribeConstruction()
    {
        var type = _method.ContainingType;
        var problem = ConstructionProblem(type, out var constructor);
        if (problem is not null)
        {
            Report(DiagnosticIds.TargetNotConstructible, type.DisplayName(), MethodName, problem);
            return null;
        }

        var services = constructor!.Parameters.Select(p => p.Type.FullName()).ToEquatableArray();

        return new TargetConstructionSpec(services, DisposalOf(type));
    }

    private static string? ConstructionProblem(INamedTypeSymbol type, out IMethodSymbol? constructor)
    {
        constructor = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility == Accessibility.Public)
            .OrderByDescending(c => c.Parameters.Length)
            .FirstOrDefault();
        if (type.IsAbstract || type.IsStatic || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return "only a concrete class or struct can be built";
        }

        if (constructor is null)
        {
            return "it has no public constructor";
        }

        if (constructor.Parameters.Any(p => p.RefKind != RefKind.None || p.Type.IsRefLikeType))
        {
            return "its constructor takes a ref or ref struct parameter";
        }

        var needsRequired = type.GetMembers()
            .Any(m => m is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true });
        if (needsRequired && constructor.FindAttribute(KnownNames.SetsRequiredMembersAttribute) is null)
        {
            return "it has required members, which a constructor call cannot set";
        }

        return null;
    }

    private static DisposalKind DisposalOf(INamedTypeSymbol type)
    {
        if (type.AllInterfaces.Any(i => i.FullName() == KnownNames.AsyncDisposable))
        {
            return DisposalKind.DisposeAsync;
        }

        return type.AllInterfaces.Any(i => i.FullName() == KnownNames.Disposable)
            ? DisposalKind.Dispose
            : DisposalKind.None;
    }
}
