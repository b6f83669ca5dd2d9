using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Components.Worklist;

/// <summary>Review tasks for component tests, at a fixed clock.</summary>
public static class TestTasks
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static ReviewTask Urgent(int ageMinutes, int slaMinutes, string caseId = "RP-1001") => new()
    {
        Id = "demo-" + caseId.ToLowerInvariant(),
        TaskToken = "token",
        ExecutionArn = "arn",
        CaseId = caseId,
        StudyDescription = "CT head without contrast — suspected acute stroke",
        Modality = "CT",
        Urgency = Urgency.Urgent,
        Queue = QueueName.Urgent,
        DraftLocation = "s3://b/k",
        CreatedAt = Now.AddMinutes(-ageMinutes),
        DueAt = Now.AddMinutes(slaMinutes - ageMinutes),
    };
}
