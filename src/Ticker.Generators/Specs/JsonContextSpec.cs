namespace Ticker.Generators;

/// <summary>A type that a System.Text.Json <c>JsonSerializerContext</c> of this compilation declares with
/// <c>[JsonSerializable]</c>: the fallback codec for a request type the generated codec cannot handle.</summary>
/// <param name="TypeName">The fully qualified serializable type.</param>
/// <param name="TypeInfo">The expression of its <c>JsonTypeInfo</c>, such as
/// <c>global::App.AppJsonContext.Default.ImportRequest</c>.</param>
internal sealed record JsonContextSpec(string TypeName, string TypeInfo);
