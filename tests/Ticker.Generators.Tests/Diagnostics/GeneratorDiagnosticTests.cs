using Microsoft.CodeAnalysis;
using Ticker.Generators.Tests.Harness;

namespace Ticker.Generators.Tests.Diagnostics;

/// <summary>Each shape the generator refuses gets its diagnostic and no broken output; the valid counterpart gets
/// none.</summary>
public sealed class GeneratorDiagnosticTests
{
    private const string Header = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Ticker;

        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        {
            "TICK0001",
            "class Jobs { [TickerFunction(\"F\")] private static void Run() { } }",
            "class Jobs { [TickerFunction(\"F\")] internal static void Run() { } }"
        },
        {
            "TICK0001",
            "class Outer { private class Jobs { [TickerFunction(\"F\")] public static void Run() { } } }",
            "class Outer { internal class Jobs { [TickerFunction(\"F\")] public static void Run() { } } }"
        },
        {
            "TICK0002",
            "class Jobs { [TickerFunction(\"F\")] public static void Run<T>() { } }",
            "class Jobs { [TickerFunction(\"F\")] public static void Run() { } }"
        },
        {
            "TICK0002",
            "class Jobs<T> { [TickerFunction(\"F\")] public static void Run() { } }",
            "class Jobs { [TickerFunction(\"F\")] public static void Run() { } }"
        },
        {
            "TICK0003",
            "class Jobs { [TickerFunction(\"F\")] public static void Run(string text) { } }",
            "class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext context) { } }"
        },
        {
            "TICK0003",
            "class Jobs { [TickerFunction(\"F\")] public static void Run(ref CancellationToken token) { } }",
            "class Jobs { [TickerFunction(\"F\")] public static void Run(CancellationToken token) { } }"
        },
        {
            "TICK0004",
            "class Jobs { [TickerFunction(\"F\")] public static int Run() => 1; }",
            "class Jobs { [TickerFunction(\"F\")] public static Task Run() => Task.CompletedTask; }"
        },
        {
            "TICK0004",
            "class Jobs { [TickerFunction(\"F\")] public static Task<int> Run() => Task.FromResult(1); }",
            "class Jobs { [TickerFunction(\"F\")] public static ValueTask Run() => default; }"
        },
        {
            "TICK0005",
            "class Jobs { [TickerFunction(\" \")] public static void Run() { } }",
            "class Jobs { [TickerFunction(\"F\")] public static void Run() { } }"
        },
        {
            "TICK0007",
            "abstract class Jobs { [TickerFunction(\"F\")] public void Run() { } }",
            "class Jobs { [TickerFunction(\"F\")] public void Run() { } }"
        },
        {
            "TICK0007",
            "class Jobs { private Jobs() { } [TickerFunction(\"F\")] public void Run() { } }",
            "class Jobs { public Jobs(IServiceProvider services) { } [TickerFunction(\"F\")] public void Run() { } }"
        },
        {
            "TICK0008",
            "class Jobs { [TickerFunction(\"F\")] public static void Run(CancellationToken a, CancellationToken b) { } }",
            "class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext c, CancellationToken a) { } }"
        },
        {
            "TICK0201",
            "public class R { public object Payload { get; set; } = new(); } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }",
            "public class R { public string Payload { get; set; } = \"\"; } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }"
        },
        {
            "TICK0201",
            "public class R { public HashSet<int> Ids { get; set; } = []; } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }",
            "public class R { public List<int> Ids { get; set; } = []; } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }"
        },
        {
            "TICK0201",
            "public class R { public Dictionary<int, string> Map { get; set; } = []; } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }",
            "public class R { public Dictionary<string, string> Map { get; set; } = []; } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }"
        },
        {
            "TICK0202",
            "public interface IR { } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<IR> c) { } }",
            "public class R { } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }"
        },
        {
            "TICK0202",
            "public class R { public R(int a) { } public R(string b) { } } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }",
            "public class R { public R(int a) { A = a; } public int A { get; } } class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_refused_shape_is_reported_and_the_output_still_compiles(string id, string invalid, string valid)
    {
        _ = valid;
        var run = GeneratorHarness.Run(Header + invalid);

        Assert.Contains(id, run.GeneratorDiagnosticIds);
        Assert.All(run.GeneratorDiagnostics, d => Assert.NotEqual(Location.None, d.Location));
        Assert.Empty(run.CompilationProblems.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_valid_counterpart_is_not_reported(string id, string invalid, string valid)
    {
        _ = invalid;
        var run = GeneratorHarness.Run(Header + valid);

        Assert.DoesNotContain(id, run.GeneratorDiagnosticIds);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems.Select(d => d.ToString()));
    }

    [Fact]
    public void An_unserializable_member_is_named_with_its_type_and_the_fallback()
    {
        var run = GeneratorHarness.Run(Header +
            "public class R { public Inner Inner { get; set; } = new(); } public class Inner { public object Any { get; set; } = 1; }" +
            "class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }");

        var message = Assert.Single(run.GeneratorDiagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("'R.Inner.Any'", message, StringComparison.Ordinal);
        Assert.Contains("'object'", message, StringComparison.Ordinal);
        Assert.Contains("[JsonSerializable(typeof(R))]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_a_JsonSerializerContext_serializes_is_registered_from_it_without_a_diagnostic()
    {
        var run = GeneratorHarness.Run(Header +
            "public class R { public object Any { get; set; } = 1; }" +
            "[System.Text.Json.Serialization.JsonSerializable(typeof(R))] internal partial class AppJson : System.Text.Json.Serialization.JsonSerializerContext { }" +
            "class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Contains(
            "global::Ticker.TickerRequestCodecs.Register(global::AppJson.Default.R);",
            run.Sources["TickerFunctionsRegistrar.g.cs"],
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_function_without_a_generated_codec_uses_the_registered_one()
    {
        var run = GeneratorHarness.Run(Header +
            "public class R { public object Any { get; set; } = 1; }" +
            "class Jobs { [TickerFunction(\"F\")] public static void Run(TickerFunctionContext<R> c) { } }");

        Assert.Contains("global::Ticker.TickerRequestCodecs.Get<global::R>()", run.Sources["TickerFunctionInvokers.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("TickerRequestJson.g.cs", run.Sources.Keys);
    }
}
