namespace Ticker.Generators;

/// <summary>When a property is written, after <c>[JsonIgnore(Condition = ...)]</c>.</summary>
internal enum WriteCondition
{
    Always,
    WhenNotNull,
    WhenNotDefault,
}
