using System.Globalization;

namespace ReviewerPortal.Components;

/// <summary>
/// How every page writes a moment: day and month in words and the zone named ("Sun 22 Nov 2026, 06:08 UTC"), so
/// 11/12 can never be read as the wrong day by a reader used to the other order.
/// </summary>
public static class ClinicalTime
{
    public static string Minutes(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Seconds(DateTimeOffset at) =>
        at.UtcDateTime.ToString("ddd d MMM yyyy, HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Step Functions reports dates as <see cref="DateTime"/>s in UTC.</summary>
    public static string Seconds(DateTime utc) => Seconds(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
