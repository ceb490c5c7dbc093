namespace Ticker.Generators;

/// <summary>A codec type with the unique identifier its generated members are named after.</summary>
internal sealed record PlannedCodecType(CodecTypeSpec Spec, string Identifier);
