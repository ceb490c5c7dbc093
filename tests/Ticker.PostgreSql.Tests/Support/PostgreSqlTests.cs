namespace Ticker.PostgreSql.Tests.Support;

/// <summary>The test collection that shares the run's PostgreSQL server; its classes run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlTests : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
