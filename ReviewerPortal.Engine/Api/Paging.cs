using System.Globalization;
using System.Text;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Api;

/// <summary>Pages a listing the way the API does: MaxResults (default 100, at most 1,000) and an opaque NextToken.</summary>
internal static class Paging
{
    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> all, int? maxResults, string? nextToken)
    {
        var size = maxResults is > 0 ? Math.Min(maxResults.Value, 1000) : 100;
        var start = Offset(nextToken);
        var page = all.Skip(start).Take(size).ToList();
        var end = start + page.Count;
        return (page, end < all.Count ? Token(end) : null);
    }

    private static string Token(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Offset(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("offset:", StringComparison.Ordinal) && int.TryParse(text[7..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidTokenException("Invalid Token: the NextToken is not one this API issued.");
    }
}

/// <summary>History events without their input and output, for <c>includeExecutionData: false</c>.</summary>
internal static class HistoryData
{
    public static HistoryEvent WithoutData(HistoryEvent e) => new()
    {
        Id = e.Id,
        PreviousEventId = e.PreviousEventId,
        Timestamp = e.Timestamp,
        Type = e.Type,
        StateEnteredEventDetails = e.StateEnteredEventDetails is { } s ? new StateEnteredEventDetails { Name = s.Name } : null,
        StateExitedEventDetails = e.StateExitedEventDetails is { } x ? new StateExitedEventDetails { Name = x.Name } : null,
        ExecutionStartedEventDetails = e.ExecutionStartedEventDetails is { } st ? new ExecutionStartedEventDetails { RoleArn = st.RoleArn } : null,
        ExecutionSucceededEventDetails = e.ExecutionSucceededEventDetails is null ? null : new ExecutionSucceededEventDetails(),
        ExecutionFailedEventDetails = e.ExecutionFailedEventDetails,
        ExecutionAbortedEventDetails = e.ExecutionAbortedEventDetails,
        ExecutionTimedOutEventDetails = e.ExecutionTimedOutEventDetails,
        TaskScheduledEventDetails = e.TaskScheduledEventDetails,
        TaskStartedEventDetails = e.TaskStartedEventDetails,
        TaskFailedEventDetails = e.TaskFailedEventDetails,
        TaskTimedOutEventDetails = e.TaskTimedOutEventDetails,
        TaskSucceededEventDetails = e.TaskSucceededEventDetails is { } ts ? new TaskSucceededEventDetails { Resource = ts.Resource, ResourceType = ts.ResourceType } : null,
        TaskSubmittedEventDetails = e.TaskSubmittedEventDetails is { } sb ? new TaskSubmittedEventDetails { Resource = sb.Resource, ResourceType = sb.ResourceType } : null,
        MapStateStartedEventDetails = e.MapStateStartedEventDetails,
        MapIterationStartedEventDetails = e.MapIterationStartedEventDetails,
        MapIterationSucceededEventDetails = e.MapIterationSucceededEventDetails,
        MapIterationFailedEventDetails = e.MapIterationFailedEventDetails,
    };
}
