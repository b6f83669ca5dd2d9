using System.Security.Claims;
using ReviewerPortal.Audit;

namespace ReviewerPortal.Identity;

/// <summary>Records sign-ins and sign-outs in the audit trail with the user's stable id and display name.</summary>
public sealed class SignInAudit(IAuditTrail audit, TimeProvider time)
{
    public const string SignedIn = "signed-in";
    public const string SignedOut = "signed-out";

    /// <param name="detail">How (e.g. <c>oidc</c>, <c>persona</c>); never tokens or PHI.</param>
    public Task RecordAsync(ClaimsPrincipal user, string action, string detail, CancellationToken cancellationToken = default)
    {
        var reviewer = user.ToReviewer();
        return audit.AppendAsync(
            new AuditEntry(null, time.GetUtcNow(), reviewer.Id, reviewer.DisplayName, action, detail),
            cancellationToken);
    }
}
