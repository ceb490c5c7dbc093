using Microsoft.CodeAnalysis;

namespace Ticker.Analyzers;

/// <summary>A function name the analyzers know of, and where it comes from.</summary>
/// <param name="Name">The function's name.</param>
/// <param name="RequestType">The request type; null when the function takes none.</param>
/// <param name="RequestTypeKnown">False for hand-registered descriptors, whose request type cannot be seen.</param>
/// <param name="Origin">Where it is declared, for messages: a method or an assembly.</param>
/// <param name="Method">The declaring method when it is in this compilation.</param>
internal sealed record KnownFunction(
    string Name,
    ITypeSymbol? RequestType,
    bool RequestTypeKnown,
    string Origin,
    IMethodSymbol? Method);
