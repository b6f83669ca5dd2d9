namespace ReviewerPortal.Identity;

/// <summary>Why a sign-in was refused. Logged by name (never with token contents) and shown to the user as a sentence.</summary>
public enum SignInFailure
{
    ProviderError,
    UnknownOrExpiredAttempt,
    ReplayedResponse,
    MissingCode,
    CodeRejectedByProvider,
    ClientCredentialsRejected,
    ProviderUnreachable,
    MalformedIdToken,
    InvalidSignature,
    WrongIssuer,
    WrongAudience,
    ExpiredIdToken,
    NonceMismatch,
    NoStableUserId,
    AuditUnavailable,
}

/// <summary>What the user reads for each failure: what happened and what to do.</summary>
public static class SignInFailureMessages
{
    public static string Describe(SignInFailure failure) => failure switch
    {
        SignInFailure.ProviderError => "The identity provider did not sign you in.",
        SignInFailure.UnknownOrExpiredAttempt => "This sign-in attempt is unknown or has expired.",
        SignInFailure.ReplayedResponse => "This sign-in response has already been used and cannot be used again.",
        SignInFailure.MissingCode => "The identity provider's response carried no authorization code.",
        SignInFailure.CodeRejectedByProvider => "The identity provider refused to redeem the sign-in code.",
        SignInFailure.ClientCredentialsRejected =>
            "The identity provider did not accept this portal's own credentials (its client secret or certificate). " +
            "An administrator must correct the portal's sign-in configuration.",
        SignInFailure.ProviderUnreachable => "The identity provider could not be reached.",
        SignInFailure.MalformedIdToken => "The identity provider returned an ID token that could not be read.",
        SignInFailure.InvalidSignature => "The ID token's signature is not valid.",
        SignInFailure.WrongIssuer => "The ID token was issued by an unexpected issuer.",
        SignInFailure.WrongAudience => "The ID token was issued for a different application.",
        SignInFailure.ExpiredIdToken => "The ID token has expired or is not yet valid.",
        SignInFailure.NonceMismatch => "The ID token does not belong to this sign-in attempt (nonce mismatch).",
        SignInFailure.NoStableUserId => "The ID token carries no stable user id ('oid' or 'sub').",
        SignInFailure.AuditUnavailable => "The sign-in could not be recorded in the audit trail, so it was not completed.",
        _ => "The sign-in failed.",
    };

    /// <summary>Provider-side problems are 502; everything the browser brought is 400.</summary>
    public static int StatusCode(SignInFailure failure) => failure switch
    {
        SignInFailure.ProviderUnreachable or SignInFailure.AuditUnavailable or SignInFailure.ClientCredentialsRejected => StatusCodes.Status502BadGateway,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>A sign-in step failed for <see cref="Failure"/>.</summary>
public sealed class SignInFailedException : Exception
{
    public SignInFailedException(SignInFailure failure, Exception? innerException = null)
        : base(SignInFailureMessages.Describe(failure), innerException)
    {
        Failure = failure;
    }

    public SignInFailedException()
    {
    }

    public SignInFailedException(string message)
        : base(message)
    {
    }

    public SignInFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SignInFailure Failure { get; }
}
