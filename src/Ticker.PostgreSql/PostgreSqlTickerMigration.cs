namespace Ticker;

/// <summary>One versioned step of the store's schema.</summary>
/// <param name="Version">The schema version the script brings a database to; versions start at 1 and never skip.
/// </param>
/// <param name="Description">What the step changes.</param>
/// <param name="Sql">The script. It may be run again on a database that already has it, and records its version in
/// the schema's <c>schema_version</c> table itself.</param>
public sealed record PostgreSqlTickerMigration(int Version, string Description, string Sql);
