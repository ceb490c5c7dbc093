using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Ticker.Analyzers;

/// <summary>Replaces a misspelt function name literal (TICK0301) with the closest known name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnknownFunctionNameCodeFix))]
[Shared]
public sealed class UnknownFunctionNameCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.UnknownFunctionName);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(CallSiteAnalyzer.SuggestionProperty, out var suggestion)
                || suggestion is null
                || root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                    is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Use '{suggestion}'",
                    ct => ReplaceAsync(context.Document, literal, suggestion, ct),
                    equivalenceKey: DiagnosticIds.UnknownFunctionName + suggestion),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(
        Document document, LiteralExpressionSyntax literal, string name, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory
            .LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))
            .WithTriviaFrom(literal);

        return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement));
    }
}
