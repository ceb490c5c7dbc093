namespace Ticker.Sqlite.Tests;

/// <summary>A database file in a temporary folder of its own, removed with the folder on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    private readonly string _folder =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ticker-sqlite-tests", Guid.NewGuid().ToString("N"));

    public TempDatabase()
    {
        Directory.CreateDirectory(_folder);
    }

    /// <summary>The database file's path; the file does not exist until a store opens it.</summary>
    public string Path => System.IO.Path.Combine(_folder, "ticker.db");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
