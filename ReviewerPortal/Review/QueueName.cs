namespace ReviewerPortal.Review;

/// <summary>The work queue a task sits in; wire values are <c>urgent</c>, <c>routine</c> and <c>escalation</c>.</summary>
public enum QueueName
{
    Urgent,
    Routine,
    Escalation,
}
