namespace ReviewerPortal.Review;

/// <summary>Who is working on a task and until when; an expired lease no longer blocks others.</summary>
public sealed record ClaimLease(string ReviewerId, string ReviewerName, DateTimeOffset Until);
