namespace ReviewerPortal.Identity;

/// <summary>Keeps post-sign-in redirects inside the portal (no open redirects to other sites).</summary>
public static class ReturnUrl
{
    public static string Sanitize(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl)
        && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && !returnUrl.Contains('\\', StringComparison.Ordinal)
        && !returnUrl.Any(char.IsControl)
            ? returnUrl
            : "/";
}
