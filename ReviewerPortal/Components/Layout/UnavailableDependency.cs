using System.Diagnostics;

namespace ReviewerPortal.Components.Layout;

/// <summary>
/// Names the dependency behind a page's failure (the review-task table, the draft bucket, the workflow service), so a
/// clinician can tell an outage from a fault of the page, and an operator knows where to look. It reads the failure's
/// types and the frames it passed through, since a refused connection surfaces as a plain HttpRequestException.
/// </summary>
public static class UnavailableDependency
{
    // Namespace prefixes of the SDK clients and of the portal's adapters, in the order they are tried.
    private static readonly (string Namespace, string Name)[] Dependencies =
    [
        ("Amazon.DynamoDBv2", "the review-task table (DynamoDB)"),
        ("ReviewerPortal.Storage.DynamoDb", "the review-task table (DynamoDB)"),
        ("Amazon.S3", "the draft bucket (S3)"),
        ("ReviewerPortal.Storage.S3", "the draft bucket (S3)"),
        ("ReviewerPortal.Identity.S3KeyRing", "the session key ring (S3)"),
        ("ReviewerPortal.StepFunctions", "the workflow service (Step Functions)"),
        ("Microsoft.Data.Sqlite", "the local task database (SQLite)"),
        ("ReviewerPortal.Storage.Sqlite", "the local task database (SQLite)"),
    ];

    /// <summary>The dependency's plain name, or null when the failure did not come from one.</summary>
    public static string? Of(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        for (var e = failure; e is not null; e = e.InnerException)
        {
            var name = Match(e.GetType().FullName) ?? new StackTrace(e, false).GetFrames()
                .Select(frame => Match(frame.GetMethod()?.DeclaringType?.FullName))
                .FirstOrDefault(found => found is not null);
            if (name is not null)
            {
                return name;
            }
        }

        return null;
    }

    private static string? Match(string? typeName) =>
        typeName is null ? null : Dependencies.FirstOrDefault(d => typeName.StartsWith(d.Namespace, StringComparison.Ordinal)).Name;
}
