using System.Linq;

namespace Ticker.Generators;

/// <summary>Writes <c>TickerFunctionInvokers</c>: per function a method matching <c>TickerFunctionInvoker</c> that
/// decodes the request through <c>TickerHelper.DecodeRunRequest</c> (so a bad request never reaches the function),
/// builds an instance target from the run's services, calls the method and disposes the target.</summary>
internal static class InvokerEmitter
{
    private const string Signature =
        "(global::Ticker.TickerFunctionContext context, global::System.Threading.CancellationToken cancellationToken)";

    public static string Emit(GenerationPlan plan)
    {
        var writer = GeneratedCode.StartFile(plan.Namespace);
        writer.Line("/// <summary>Runs the ticker functions of this assembly for the executor.</summary>");
        writer.Line(GeneratedCode.Attribute);
        using (writer.Open("internal static class TickerFunctionInvokers"))
        {
            foreach (var function in plan.Functions)
            {
                EmitInvoker(writer, function);
                writer.Line();
            }

            EmitResolve(writer);
        }

        return writer.ToString();
    }

    private static void EmitInvoker(SourceWriter writer, PlannedFunction function)
    {
        var spec = function.Spec;
        var disposal = spec.Construction?.Disposal ?? DisposalKind.None;
        var isAsync = disposal == DisposalKind.DisposeAsync
            || (disposal == DisposalKind.Dispose && spec.ReturnKind != FunctionReturnKind.Void);
        var modifiers = isAsync ? "internal static async" : "internal static";
        var signature = $"{modifiers} global::System.Threading.Tasks.ValueTask Invoke{function.Identifier}{Signature}";
        using (writer.Open(signature))
        {
            EmitRequest(writer, function);
            EmitTarget(writer, spec);
            var call = Call(spec);
            if (disposal == DisposalKind.None)
            {
                EmitReturn(writer, spec.ReturnKind, call);
                return;
            }

            EmitDisposingCall(writer, spec, call, disposal, isAsync);
        }
    }

    private static void EmitRequest(SourceWriter writer, PlannedFunction function)
    {
        if (function.Spec.Request is not { } request)
        {
            return;
        }

        writer.Line($"var request = global::Ticker.TickerHelper.DecodeRunRequest(context, {function.Codec});");
        writer.Line($"var typedContext = new global::Ticker.TickerFunctionContext<{request.TypeName}>(context, request);");
    }

    private static void EmitTarget(SourceWriter writer, FunctionSpec spec)
    {
        if (spec.Construction is not { } construction)
        {
            return;
        }

        var target = GeneratedCode.Literal(spec.TargetType.Replace("global::", string.Empty));
        var arguments = construction.ServiceTypes.Select(t => $"Resolve<{t}>(context, {target})");
        writer.Line($"var target = new {spec.TargetType}({string.Join(", ", arguments)});");
    }

    private static string Call(FunctionSpec spec)
    {
        var receiver = spec.IsStatic ? spec.TargetType : "target";
        var arguments = spec.Parameters.Select(p => p switch
        {
            FunctionParameterKind.Context => "context",
            FunctionParameterKind.TypedContext => "typedContext",
            _ => "cancellationToken",
        });

        return $"{receiver}.{spec.MethodName}({string.Join(", ", arguments)})";
    }

    private static void EmitReturn(SourceWriter writer, FunctionReturnKind kind, string call)
    {
        switch (kind)
        {
            case FunctionReturnKind.Task:
                writer.Line($"return new global::System.Threading.Tasks.ValueTask({call});");
                break;
            case FunctionReturnKind.ValueTask:
                writer.Line($"return {call};");
                break;
            default:
                writer.Line($"{call};");
                writer.Line("return default;");
                break;
        }
    }

    private static void EmitDisposingCall(
        SourceWriter writer, FunctionSpec spec, string call, DisposalKind disposal, bool isAsync)
    {
        using (writer.Open("try"))
        {
            writer.Line(spec.ReturnKind == FunctionReturnKind.Void
                ? $"{call};"
                : $"await {call}.ConfigureAwait(false);");
        }

        using (writer.Open("finally"))
        {
            writer.Line(disposal == DisposalKind.DisposeAsync
                ? "await ((global::System.IAsyncDisposable)target).DisposeAsync().ConfigureAwait(false);"
                : "((global::System.IDisposable)target).Dispose();");
        }

        if (!isAsync)
        {
            writer.Line();
            writer.Line("return default;");
        }
    }

    private static void EmitResolve(SourceWriter writer)
    {
        using (writer.Open("private static T Resolve<T>(global::Ticker.TickerFunctionContext context, string target)"))
        {
            using (writer.Open("if (context.Services.GetService(typeof(T)) is T service)"))
            {
                writer.Line("return service;");
            }

            writer.Line();
            writer.Line("throw new global::System.InvalidOperationException(");
            writer.Line("    $\"Ticker function '{context.FunctionName}' needs a {typeof(T).FullName} to build {target}, \" +");
            writer.Line("    \"but the run's service provider has no such service registered.\");");
        }
    }
}
