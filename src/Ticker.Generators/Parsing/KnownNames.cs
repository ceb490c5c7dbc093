namespace Ticker.Generators;

/// <summary>Fully qualified names of the types the parser recognises, compared with
/// <see cref="SymbolNames.FullName"/> of a symbol's original definition.</summary>
internal static class KnownNames
{
    public const string TickerFunctionAttribute = "Ticker.TickerFunctionAttribute";
    public const string TickerFunctionManifestAttribute = "global::Ticker.TickerFunctionManifestAttribute";
    public const string TickerFunctionContext = "global::Ticker.TickerFunctionContext";
    public const string TypedTickerFunctionContext = "global::Ticker.TickerFunctionContext<TRequest>";
    public const string CancellationToken = "global::System.Threading.CancellationToken";
    public const string Task = "global::System.Threading.Tasks.Task";
    public const string ValueTask = "global::System.Threading.Tasks.ValueTask";
    public const string Disposable = "global::System.IDisposable";
    public const string AsyncDisposable = "global::System.IAsyncDisposable";
    public const string SetsRequiredMembersAttribute =
        "global::System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

    public const string JsonPropertyNameAttribute = "global::System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonIgnoreAttribute = "global::System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonConstructorAttribute = "global::System.Text.Json.Serialization.JsonConstructorAttribute";
    public const string JsonPropertyOrderAttribute =
        "global::System.Text.Json.Serialization.JsonPropertyOrderAttribute";
    public const string JsonConverterAttribute = "global::System.Text.Json.Serialization.JsonConverterAttribute";
    public const string JsonExtensionDataAttribute =
        "global::System.Text.Json.Serialization.JsonExtensionDataAttribute";
    public const string JsonIncludeAttribute = "global::System.Text.Json.Serialization.JsonIncludeAttribute";
    public const string JsonPolymorphicAttribute = "global::System.Text.Json.Serialization.JsonPolymorphicAttribute";
    public const string JsonDerivedTypeAttribute = "global::System.Text.Json.Serialization.JsonDerivedTypeAttribute";
}
