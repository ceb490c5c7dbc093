namespace Ticker;

/// <summary>A lease a node holds: the ticker and the fencing token of its claim.</summary>
/// <param name="Id">The ticker's id.</param>
/// <param name="Fence">The fencing token the claim returned.</param>
public readonly record struct TickerLease(Guid Id, long Fence);
