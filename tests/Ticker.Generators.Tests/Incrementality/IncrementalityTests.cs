using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Ticker.Generators.Tests.Harness;

namespace Ticker.Generators.Tests.Incrementality;

public sealed class IncrementalityTests
{
    private static readonly string[] s_steps =
    [
        TickerFunctionGenerator.Steps.Functions,
        TickerFunctionGenerator.Steps.Assembly,
        TickerFunctionGenerator.Steps.AllFunctions,
        TickerFunctionGenerator.Steps.JsonContexts,
    ];

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Samples.Email, Samples.Shapes, "class Unrelated { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = ReplaceTree(compilation, 2, "class Unrelated { int _counter; public int Next() => ++_counter; }");

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = s_steps
            .SelectMany(name => result.TrackedSteps[name])
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, reason => Assert.Contains(reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(
            result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_a_function_reruns_its_step_as_modified()
    {
        var compilation = GeneratorHarness.Compile(Samples.Email);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = ReplaceTree(compilation, 0, Samples.Email.Replace("\"SendEmail\"", "\"SendMail\""));

        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TickerFunctionGenerator.Steps.Functions]
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_location_or_compilation()
    {
        var compilation = GeneratorHarness.Compile(Samples.Email, Samples.Shapes, Samples.GlobalNamespace);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        foreach (var name in s_steps)
        {
            foreach (var output in result.TrackedSteps[name].SelectMany(step => step.Outputs))
            {
                AssertHoldsNoCompilerObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static CSharpCompilation ReplaceTree(CSharpCompilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees[index];

        return compilation.ReplaceSyntaxTree(
            old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path: old.FilePath));
    }

    private static void AssertHoldsNoCompilerObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel,
            $"{path} holds a {value.GetType().Name}.");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertHoldsNoCompilerObjects(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertHoldsNoCompilerObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
        }
    }
}
