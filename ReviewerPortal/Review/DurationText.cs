using System.Globalization;

namespace ReviewerPortal.Review;

/// <summary>Short human durations for queues: "45 s", "12 min", "3 h 20 min", "2 d 4 h" (sign ignored).</summary>
public static class DurationText
{
    public static string Format(TimeSpan duration)
    {
        var d = duration.Duration();
        return d switch
        {
            { TotalMinutes: < 1 } => Invariant($"{(int)d.TotalSeconds} s"),
            { TotalHours: < 1 } => Invariant($"{(int)d.TotalMinutes} min"),
            { TotalDays: < 1 } => d.Minutes == 0 ? Invariant($"{(int)d.TotalHours} h") : Invariant($"{(int)d.TotalHours} h {d.Minutes} min"),
            _ => d.Hours == 0 ? Invariant($"{(int)d.TotalDays} d") : Invariant($"{(int)d.TotalDays} d {d.Hours} h"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
