namespace Ticker;

/// <summary>
/// Lists one ticker function of an assembly, with its request type and the generated registrar that adds it to
/// <see cref="TickerFunctionRegistry"/>. The Ticker generator emits one per <c>[TickerFunction]</c> method.
/// </summary>
/// <remarks>
/// The generator of an assembly that references this one reads these attributes to call the registrar from its own
/// module initializer, so the functions are registered even when no type of this assembly is ever touched; the
/// analyzers read them to check function names and request types at call sites in other projects.
/// </remarks>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class TickerFunctionManifestAttribute : Attribute
{
    /// <summary>Lists a function.</summary>
    /// <param name="functionName">The function's unique name.</param>
    /// <param name="requestType">The request type, or <see langword="null"/> when the function takes none.</param>
    /// <param name="registrar">The generated class whose static <c>Register()</c> method adds the assembly's
    /// functions and request codecs.</param>
    public TickerFunctionManifestAttribute(string functionName, Type? requestType, Type registrar)
    {
        FunctionName = functionName;
        RequestType = requestType;
        Registrar = registrar;
    }

    /// <summary>The function's unique name.</summary>
    public string FunctionName { get; }

    /// <summary>The request type, or <see langword="null"/> when the function takes none.</summary>
    public Type? RequestType { get; }

    /// <summary>The generated class whose static <c>Register()</c> method adds the assembly's functions.</summary>
    public Type Registrar { get; }
}
