namespace Ticker;

/// <summary>Quotes the names the store puts into SQL text: its schema and its notification channel. Names cannot be
/// bound as parameters, so they are validated and quoted instead.</summary>
internal static class PostgreSqlIdentifier
{
    /// <summary>PostgreSQL truncates identifiers longer than this many bytes.</summary>
    private const int MaxBytes = 63;

    /// <summary><paramref name="name"/> as a quoted identifier: case and every character kept, quotes doubled.
    /// </summary>
    /// <exception cref="ArgumentException">The name is empty, too long or contains a NUL character.</exception>
    public static string Quote(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);

        if (System.Text.Encoding.UTF8.GetByteCount(name) > MaxBytes || name.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"'{name}' is not a usable PostgreSQL name: at most {MaxBytes} bytes and no NUL character.",
                parameterName);
        }

        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
