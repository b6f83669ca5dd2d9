using ReviewerPortal.Drafts;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Review;

/// <summary>
/// <c>GET /reports/{taskId}</c>: an approved case's report as plain text, for signed-in reviewers (the review policy).
/// It serves the object the approval wrote (the task's final report location: <c>{DataDirectory}/objects/{bucket}/{key}</c>
/// in Local mode, S3 in Aws mode), which the workflow copies unchanged into the reports bucket, so the text is the
/// published one byte for byte. A case that is not approved has no report: 404.
/// </summary>
public static class PublishedReports
{
    public static string PathFor(string taskId) => $"reports/{Uri.EscapeDataString(taskId)}";

    public static IEndpointRouteBuilder MapPublishedReports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{taskId}", ServeAsync).RequireAuthorization(PortalPolicies.Review);
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(string taskId, IReviewTaskStore tasks, IDraftStore reports, CancellationToken cancellationToken)
    {
        var task = await tasks.GetAsync(taskId, cancellationToken);
        if (task?.Decision is not { Outcome: DecisionOutcome.Approved, FinalReportLocation: { } location })
        {
            return Results.NotFound();
        }

        var read = await reports.ReadTextAsync(location, ApprovedReport.MaxBytes, cancellationToken);
        return read.Status == DraftReadStatus.Found
            ? Results.Text(read.Text, "text/plain; charset=utf-8")
            : Results.NotFound();
    }
}
