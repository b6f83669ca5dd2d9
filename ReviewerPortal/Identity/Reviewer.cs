namespace ReviewerPortal.Identity;

/// <summary>The signed-in person acting on a task: a stable id (<c>oid</c>/<c>sub</c>) and a display name.</summary>
public sealed record Reviewer(string Id, string DisplayName);
