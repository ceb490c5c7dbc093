namespace Ticker.Generators;

/// <summary>What a ticker function returns, which decides how the invoker awaits it.</summary>
internal enum FunctionReturnKind
{
    Void,
    Task,
    ValueTask,
}
