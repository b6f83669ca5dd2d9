using System.Diagnostics;
using System.Globalization;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// The benchmarks' one timing helper: the latencies of repeated calls, in milliseconds, and their percentiles by
/// nearest rank (the p-th percentile is the smallest sample at or above p % of them).
/// </summary>
internal sealed class Latencies
{
    private readonly double[] _sorted;

    public Latencies(IEnumerable<double> milliseconds)
    {
        _sorted = milliseconds.Order().ToArray();
        if (_sorted.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(milliseconds));
        }
    }

    public int Count => _sorted.Length;

    public double Median => Percentile(50);

    public double P95 => Percentile(95);

    public double P99 => Percentile(99);

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    public double Percentile(double percent) =>
        _sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    /// <summary>
    /// Calls <paramref name="action"/> a tenth as often again (at least <paramref name="minimumWarmup"/> times) to warm
    /// up JIT, caches and connections, then <paramref name="iterations"/> times one after another, timing each call.
    /// </summary>
    public static async Task<Latencies> MeasureAsync(int iterations, Func<Task> action, int minimumWarmup = 10)
    {
        ArgumentNullException.ThrowIfNull(action);
        for (var i = 0; i < Math.Max(minimumWarmup, iterations / 10); i++)
        {
            await action();
        }

        var samples = new double[Math.Max(1, iterations)];
        for (var i = 0; i < samples.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new Latencies(samples);
    }

    /// <summary><c>median / p95 ms</c>, two decimals.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Median:F2} / {P95:F2} ms");
}
