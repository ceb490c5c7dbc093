using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Ticker.Analyzers.Tests.Harness;

namespace Ticker.Analyzers.Tests.CodeFixes;

public sealed class UnknownFunctionNameCodeFixTests
{
    [Fact]
    public async Task The_fix_replaces_the_misspelt_name_with_the_suggestion()
    {
        const string Source = """
            public static class Jobs { [TickerFunction("SendEmail")] public static void Send() { } }
            static class Producer { static TimeTickerEntity Make() => new() { Function = "SendEmial" }; }
            """;
        var document = CreateDocument(AnalyzerHarness.Usings + Source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = Assert.Single(await compilation
            .WithAnalyzers([new CallSiteAnalyzer()])
            .GetAnalyzerDiagnosticsAsync());

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new UnknownFunctionNameCodeFix().RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
        var text = (await changed.GetTextAsync()).ToString();

        Assert.Equal("Use 'SendEmail'", action.Title);
        Assert.Contains("Function = \"SendEmail\" }", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SendEmial", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fix_is_offered_for_the_unknown_name_diagnostic_only()
    {
        Assert.Equal(["TICK0301"], new UnknownFunctionNameCodeFix().FixableDiagnosticIds.ToArray());
    }

    private static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Tests",
            "Tests",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: AnalyzerHarness.References));

        return workspace.AddDocument(project.Id, "Test.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
    }
}
