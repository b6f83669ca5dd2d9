using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Storage;

/// <summary>The pending task the store tests register: every field a review gate writes, set.</summary>
internal static class StoredTasks
{
    /// <summary>A second attempt, written five minutes before <paramref name="now"/>, due <paramref name="dueInMinutes"/> after it.</summary>
    public static ReviewTask Pending(string id, DateTimeOffset now, QueueName queue = QueueName.Urgent, int dueInMinutes = 60) => new()
    {
        Id = id,
        TaskToken = "AQCEAAAAKgAAAAMAAAAA" + id,
        ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:review-urgent:" + id,
        CaseId = "CASE-" + id,
        StudyDescription = "CT head without contrast",
        Modality = "CT",
        Urgency = queue == QueueName.Routine ? Urgency.Routine : Urgency.Urgent,
        Queue = queue,
        DraftLocation = $"s3://reviewer-portal-drafts/{id}/draft.md",
        CreatedAt = now.AddMinutes(-5),
        FirstArrivedAt = now.AddMinutes(-95),
        DueAt = now.AddMinutes(dueInMinutes),
        Attempt = 2,
    };
}
