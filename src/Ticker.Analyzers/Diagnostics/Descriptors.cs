using Microsoft.CodeAnalysis;

namespace Ticker.Analyzers;

/// <summary>
/// The descriptors of <see cref="DiagnosticIds"/>. The generator reports what it refuses to emit (function shape,
/// request serialization); the analyzers report what needs the whole compilation or Cronos (duplicates, cron text,
/// call sites), so no id is ever reported twice.
/// </summary>
internal static class Descriptors
{
    /// <summary>Where the docs pages live; each id has <c>docs/diagnostics/{id}.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/ticker-dotnet/ticker/blob/main/docs/diagnostics/";

    private const string FunctionCategory = "Ticker.Functions";
    private const string CronCategory = "Ticker.Cron";
    private const string RequestCategory = "Ticker.Requests";
    private const string UsageCategory = "Ticker.Usage";

    public static readonly DiagnosticDescriptor FunctionNotAccessible = Error(
        DiagnosticIds.FunctionNotAccessible,
        "Ticker function is not accessible",
        "'{0}' must be public or internal, and so must every type containing it, for generated code to call it",
        FunctionCategory);

    public static readonly DiagnosticDescriptor FunctionIsGeneric = Error(
        DiagnosticIds.FunctionIsGeneric,
        "Ticker function is generic",
        "'{0}' is generic or declared in a generic type; a ticker function needs a closed, non-generic target",
        FunctionCategory);

    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        DiagnosticIds.UnsupportedParameter,
        "Unsupported ticker function parameter",
        "Parameter '{0}' of '{1}' has type '{2}'; a ticker function takes only TickerFunctionContext, " +
        "TickerFunctionContext<TRequest> and CancellationToken",
        FunctionCategory);

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        DiagnosticIds.UnsupportedReturnType,
        "Unsupported ticker function return type",
        "'{0}' returns '{1}'; a ticker function returns Task, ValueTask or void",
        FunctionCategory);

    public static readonly DiagnosticDescriptor InvalidFunctionName = Error(
        DiagnosticIds.InvalidFunctionName,
        "Ticker function name is empty",
        "The function name given to [TickerFunction] on '{0}' is empty or white space",
        FunctionCategory);

    public static readonly DiagnosticDescriptor DuplicateFunctionName = Error(
        DiagnosticIds.DuplicateFunctionName,
        "Duplicate ticker function name",
        "Function name '{0}' of '{1}' is also declared by {2}; function names must be unique in a process",
        FunctionCategory);

    public static readonly DiagnosticDescriptor TargetNotConstructible = Error(
        DiagnosticIds.TargetNotConstructible,
        "Ticker function target cannot be built",
        "'{0}' cannot be built from the run's services to call instance function '{1}': {2}",
        FunctionCategory);

    public static readonly DiagnosticDescriptor RepeatedParameter = Error(
        DiagnosticIds.RepeatedParameter,
        "Ticker function parameter repeated",
        "'{0}' takes more than one {1} parameter",
        FunctionCategory);

    public static readonly DiagnosticDescriptor InvalidCronExpression = Error(
        DiagnosticIds.InvalidCronExpression,
        "Invalid cron expression",
        "Cron expression '{0}' of function '{1}' is not valid: {2}",
        CronCategory);

    public static readonly DiagnosticDescriptor RequestMemberNotSerializable = Warning(
        DiagnosticIds.RequestMemberNotSerializable,
        "Request member cannot be serialized by the generated codec",
        "Member '{0}' of request type '{1}' has type '{2}', which the generated codec cannot serialize; declare " +
        "[JsonSerializable(typeof({3}))] on a JsonSerializerContext in this project to have it used instead",
        RequestCategory);

    public static readonly DiagnosticDescriptor RequestTypeNotSerializable = Warning(
        DiagnosticIds.RequestTypeNotSerializable,
        "Request type cannot be serialized by the generated codec",
        "Request type '{0}' cannot be serialized by the generated codec because {1}; declare " +
        "[JsonSerializable(typeof({2}))] on a JsonSerializerContext in this project to have it used instead",
        RequestCategory);

    public static readonly DiagnosticDescriptor UnknownFunctionName = Error(
        DiagnosticIds.UnknownFunctionName,
        "Unknown ticker function",
        "'{0}' is not the name of a known ticker function{1}",
        UsageCategory);

    public static readonly DiagnosticDescriptor RequestTypeMismatch = Error(
        DiagnosticIds.RequestTypeMismatch,
        "Request type does not match the function",
        "Function '{0}' takes a request of type '{1}', but a '{2}' is passed",
        UsageCategory);

    public static readonly DiagnosticDescriptor RequestForFunctionWithoutRequest = Warning(
        DiagnosticIds.RequestForFunctionWithoutRequest,
        "Request passed to a function that takes none",
        "Function '{0}' takes no request, but a '{1}' is passed; the function will never read it",
        UsageCategory);

    private static DiagnosticDescriptor Error(string id, string title, string message, string category) =>
        Create(id, title, message, category, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string category) =>
        Create(id, title, message, category, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string category, DiagnosticSeverity severity) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
