using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ticker.Harness;

/// <summary>Everything the run measured, for later comparison: machine, options, every run and the medians.</summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(
        string path,
        HarnessOptions options,
        MachineInfo machine,
        IReadOnlyList<ContenderSpec> catalog,
        IReadOnlyList<Measurement> measurements,
        IReadOnlyList<SummaryRow> summary)
    {
        var document = new
        {
            generated_utc = DateTime.UtcNow,
            machine,
            options = new
            {
                options.Quick,
                options.Repeat,
                scenarios = options.Scenarios.Order().ToArray(),
                burst_sizes = options.BurstSizes,
                lateness_jobs = options.LatenessJobs,
                lateness_spread_s = options.LatenessSpread.TotalSeconds,
                lateness_lead_s = options.LatenessLead.TotalSeconds,
                idle_s = options.IdleDuration.TotalSeconds,
                idle_settle_s = options.IdleSettle.TotalSeconds,
                options.Concurrency,
                add_batch = options.AddBatch,
                hangfire_poll_ms = options.HangfirePolling.TotalMilliseconds,
                warmup_jobs = options.WarmupJobs,
                cold_start = options.ColdStart,
                ticker_claim_ahead_ms = options.TickerClaimAhead?.TotalMilliseconds,
            },
            contenders = catalog.Select(spec => new { spec.Key, spec.Name, spec.Notes }),
            summary,
            measurements,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        File.WriteAllText(path, JsonSerializer.Serialize(document, s_options));
    }
}
