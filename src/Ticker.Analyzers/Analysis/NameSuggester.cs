using System;
using System.Collections.Generic;

namespace Ticker.Analyzers;

/// <summary>Finds the known name closest to a misspelt one, by edit distance ignoring case first and case
/// second.</summary>
internal static class NameSuggester
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCaseDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            var caseDistance = Distance(name, candidate);
            if (distance < bestDistance || (distance == bestDistance && caseDistance < bestCaseDistance))
            {
                (best, bestDistance, bestCaseDistance) = (candidate, distance, caseDistance);
            }
        }

        return best is not null && bestDistance <= Math.Max(2, name.Length / 2) ? best : null;
    }

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Cell(a, b, d, i, j);
            }
        }

        return d[a.Length, b.Length];
    }

    private static int Cell(string a, string b, int[,] d, int i, int j)
    {
        var cost = a[i - 1] == b[j - 1] ? 0 : 1;
        var best = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        {
            best = Math.Min(best, d[i - 2, j - 2] + 1);
        }

        return best;
    }
}
