namespace ReviewerPortal.Review;

/// <summary>
/// Life of a task: PENDING → CLAIMED → DECIDING (decision recorded, not yet sent) → DECIDED;
/// EXPIRED when Step Functions says the token is closed (timed out, or completed elsewhere).
/// </summary>
public enum ReviewStatus
{
    Pending,
    Claimed,
    Deciding,
    Decided,
    Expired,
}
