namespace Ticker.Stores.Conformance;
