namespace Ticker;

/// <summary>Why a store refused a batch write.</summary>
public enum StoreWriteFailure
{
    /// <summary>The write was applied.</summary>
    None = 0,

    /// <summary>A ticker of the batch does not exist.</summary>
    NotFound = 1,

    /// <summary>A ticker of the batch is no longer idle.</summary>
    NotIdle = 2,

    /// <summary>A ticker of the batch has an id that already exists.</summary>
    DuplicateId = 3,
}

/// <summary>The result of an all-or-nothing batch write.</summary>
/// <param name="Affected">How many rows were written or removed; zero when refused.</param>
/// <param name="Failure">Why the batch was refused, or <see cref="StoreWriteFailure.None"/>.</param>
/// <param name="FailedIndex">The position of the item that was refused, or -1.</param>
public readonly record struct StoreWriteResult(int Affected, StoreWriteFailure Failure, int FailedIndex)
{
    /// <summary>A write that was applied.</summary>
    public static StoreWriteResult Applied(int affected) => new(affected, StoreWriteFailure.None, -1);

    /// <summary>A write refused because of one item.</summary>
    public static StoreWriteResult Refused(StoreWriteFailure failure, int index) => new(0, failure, index);

    /// <summary>Whether the write was applied.</summary>
    public bool IsApplied => Failure == StoreWriteFailure.None;
}
