namespace Ticker.Generators;

/// <summary>How to build the instance an instance function runs on: the constructor's parameter types, each taken
/// from the run's services, and how to dispose the instance afterwards.</summary>
internal sealed record TargetConstructionSpec(EquatableArray<string> ServiceTypes, DisposalKind Disposal);
