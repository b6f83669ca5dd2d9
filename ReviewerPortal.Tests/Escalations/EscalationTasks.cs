using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Escalations;

/// <summary>Open tasks registered straight into a store, for views that only list them (no workflow waits on these).</summary>
public static class EscalationTasks
{
    public static ReviewTask Open(string id, QueueName queue, DateTimeOffset createdAt, DateTimeOffset dueAt) => new()
    {
        Id = id,
        TaskToken = "token-" + id,
        ExecutionArn = "arn:aws:states:us-east-1:123456789012:execution:study-review:" + id,
        CaseId = "CASE-" + id,
        StudyDescription = "CT pulmonary angiogram",
        Modality = "CT",
        Urgency = queue == QueueName.Routine ? Urgency.Routine : Urgency.Urgent,
        Queue = queue,
        DraftLocation = $"s3://reviewer-portal-drafts/{id}/draft.md",
        CreatedAt = createdAt,
        DueAt = dueAt,
    };
}
