namespace ReviewerPortal.Review;

/// <summary>Clinical urgency set by the workflow; wire values are <c>urgent</c> and <c>routine</c>.</summary>
public enum Urgency
{
    Urgent,
    Routine,
}
