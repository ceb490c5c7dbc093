namespace Ticker;

/// <summary>Decides what happens to a child when its parent ends. Shared by every store so they cannot disagree.</summary>
public static class ChainRules
{
    /// <summary>Whether a child with <paramref name="condition"/> runs after its parent ended in
    /// <paramref name="parentStatus"/>. A child without a condition runs on success.</summary>
    public static bool Allows(RunCondition? condition, TickerStatus parentStatus) => condition switch
    {
        null or RunCondition.OnSuccess => parentStatus is TickerStatus.Done or TickerStatus.DueDone,
        RunCondition.OnFailure => parentStatus is TickerStatus.Failed,
        RunCondition.OnCancelled => parentStatus is TickerStatus.Cancelled,
        RunCondition.OnFailureOrCancelled => parentStatus is TickerStatus.Failed or TickerStatus.Cancelled,
        RunCondition.OnAnyCompletedStatus => true,
        _ => false,
    };

    /// <summary>The message recorded on a child that was skipped.</summary>
    public static string SkipReason(RunCondition? condition, TickerStatus parentStatus) =>
        $"Skipped: the parent ended {parentStatus}, and this ticker runs {condition ?? RunCondition.OnSuccess}.";
}
