using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Ticker.Generators;

/// <summary>Reads the compilation-wide facts: the namespace for generated types (the assembly name) and the
/// registrars that referenced assemblies list in their <c>[assembly: TickerFunctionManifest]</c> attributes.</summary>
internal static class AssemblyParser
{
    public static AssemblySpec Parse(Compilation compilation, CancellationToken cancellationToken)
    {
        var registrars = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            AddRegistrars(assembly, registrars);
        }

        return new AssemblySpec(NamespaceFor(compilation.AssemblyName), registrars.ToEquatableArray());
    }

    private static void AddRegistrars(IAssemblySymbol assembly, SortedSet<string> registrars)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.FullName() != KnownNames.TickerFunctionManifestAttribute)
            {
                continue;
            }

            foreach (var argument in attribute.ConstructorArguments)
            {
                if (argument.Kind == TypedConstantKind.Type && argument.Value is INamedTypeSymbol registrar
                    && registrar.Name == RegistrarName && registrar.DeclaredAccessibility == Accessibility.Public)
                {
                    registrars.Add(registrar.FullName());
                }
            }
        }
    }

    /// <summary>The name of the generated class whose <c>Register()</c> adds an assembly's functions.</summary>
    public const string RegistrarName = "TickerFunctionsRegistrar";

    private static string NamespaceFor(string? assemblyName)
    {
        if (string.IsNullOrWhiteSpace(assemblyName))
        {
            return "TickerGenerated";
        }

        var parts = assemblyName!.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = IdentifierNames.Sanitize(parts[i]);
        }

        return string.Join(".", parts);
    }
}
