using ReviewerPortal.Review;
using ReviewerPortal.Tests.Storage.DynamoDb;

namespace ReviewerPortal.Tests.Escalations;

/// <summary>Open tasks registered straight into a store, for views that only list them (no workflow waits on these).</summary>
public static class EscalationTasks
{
    public static ReviewTask Open(string id, QueueName queue, DateTimeOffset createdAt, DateTimeOffset dueAt) =>
        DynamoDbTaskStoreTests.NewTask(id, queue) with { CreatedAt = createdAt, DueAt = dueAt };
}
