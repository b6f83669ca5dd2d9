using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ReviewerPortal.Identity.Entra;

/// <summary>
/// Names the <see cref="SignInFailure"/> behind an exception the OpenID Connect handler or Identity.Web raised, so the
/// user reads a sentence and the log gets a name instead of a library message (those may quote token contents).
/// </summary>
public static class SignInFailureClassifier
{
    public static SignInFailure Classify(Exception failure, bool redeemingCode)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure switch
        {
            SignInFailedException known => known.Failure,
            SecurityTokenInvalidSignatureException => SignInFailure.InvalidSignature,
            SecurityTokenInvalidAudienceException => SignInFailure.WrongAudience,
            SecurityTokenInvalidIssuerException => SignInFailure.WrongIssuer,
            SecurityTokenExpiredException or SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException
                or SecurityTokenNoExpirationException => SignInFailure.ExpiredIdToken,
            SecurityTokenMalformedException or SecurityTokenException => SignInFailure.MalformedIdToken,
            OpenIdConnectProtocolInvalidNonceException => SignInFailure.NonceMismatch,
            // The token or pushed-authorization endpoint did not accept the portal's secret or certificate: the portal's
            // configuration is wrong, not anything the user did.
            OpenIdConnectProtocolException { Data: var data } when data["error"] is "invalid_client" => SignInFailure.ClientCredentialsRejected,
            // The token endpoint answered with an error (a used, foreign or PKCE-mismatched code), or the authorization response did.
            OpenIdConnectProtocolException => redeemingCode ? SignInFailure.CodeRejectedByProvider : SignInFailure.ProviderError,
            HttpRequestException or IOException or TaskCanceledException => SignInFailure.ProviderUnreachable,
            // IdentityModel: "IDX20803: Unable to obtain configuration from …" when discovery cannot be read.
            InvalidOperationException { Message: var message } when message.StartsWith("IDX20803", StringComparison.Ordinal) => SignInFailure.ProviderUnreachable,
            // What remains are the handler's own refusals before any token is read: a state it cannot unprotect, or no
            // correlation cookie (an attempt this browser never started, or one that expired).
            _ => SignInFailure.UnknownOrExpiredAttempt,
        };
    }
}
