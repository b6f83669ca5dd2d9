using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ReviewerPortal.Identity.Entra;

/// <summary>
/// What the portal adds to the OpenID Connect handler's sign-in: replay refusal, the portal principal with mapped roles,
/// the audit entry (no audit, no session), the role's start page, and a plain problem page for every refusal.
/// </summary>
public static partial class EntraSignInEvents
{
    private const string RedeemingCode = "portal:redeeming-code";

    /// <summary>Where the remote authentication handler keeps an attempt's correlation id inside its state.</summary>
    private const string CorrelationProperty = ".xsrf";

    /// <summary>Runs the portal's steps after the handlers already there (Identity.Web's), keeping theirs.</summary>
    public static void Attach(OpenIdConnectEvents events, IdentityOptions settings, UsedSignInResponses used)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(settings);
        var redirect = events.OnRedirectToIdentityProvider;
        events.OnRedirectToIdentityProvider = async context =>
        {
            await redirect(context);
            context.ProtocolMessage.RedirectUri = PublicUri(context.Request, settings, EntraSignIn.CallbackPath);
        };
        var received = events.OnMessageReceived;
        events.OnMessageReceived = async context =>
        {
            await received(context);
            await RefuseReplaysAndMixUpsAsync(context, used);
        };
        var code = events.OnAuthorizationCodeReceived;
        events.OnAuthorizationCodeReceived = async context =>
        {
            context.HttpContext.Items[RedeemingCode] = true;
            if (context.TokenEndpointRequest is { } request)
            {
                request.RedirectUri = PublicUri(context.Request, settings, EntraSignIn.CallbackPath);
            }

            await code(context);
        };
        var validated = events.OnTokenValidated;
        events.OnTokenValidated = async context =>
        {
            await validated(context);
            RefuseUnsignedTokens(context);
        };
        // The ticket is final only here: the handler checks the nonce after TokenValidated, so the audit entry waits.
        var ticket = events.OnTicketReceived;
        events.OnTicketReceived = async context =>
        {
            await ticket(context);
            await SignInAsPortalUserAsync(context, settings);
        };
        events.OnAccessDenied = context => RefuseAsync(context, SignInFailure.ProviderError, "access_denied");
        var failed = events.OnRemoteFailure;
        events.OnRemoteFailure = async context =>
        {
            await failed(context);
            var failure = SignInFailureClassifier.Classify(context.Failure!, context.HttpContext.Items.ContainsKey(RedeemingCode));
            await RefuseAsync(context, failure, context.Failure!.GetType().Name);
        };
        var signOut = events.OnRedirectToIdentityProviderForSignOut;
        events.OnRedirectToIdentityProviderForSignOut = async context =>
        {
            await signOut(context);
            // RP-initiated logout 1.0: without an id_token_hint, client_id tells the provider whose post-logout URI this is.
            context.ProtocolMessage.ClientId = settings.ClientId;
            context.ProtocolMessage.PostLogoutRedirectUri = PublicUri(context.Request, settings, EntraSignIn.SignedOutCallbackPath);
        };
    }

    /// <summary>The redirect URIs registered with the provider, on the public origin behind a TLS-terminating load balancer.</summary>
    public static string PublicUri(HttpRequest request, IdentityOptions settings, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var origin = settings.PublicOrigin?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host.ToUriComponent()}";
        return origin + path;
    }

    private static async Task RefuseReplaysAndMixUpsAsync(MessageReceivedContext context, UsedSignInResponses used)
    {
        var message = context.ProtocolMessage;
        // The handler has already unprotected the state into Properties (and cleared it from the message); the
        // attempt's correlation id in there names this attempt, as the state did.
        var attempt = context.Properties?.Items.TryGetValue(CorrelationProperty, out var correlation) == true ? correlation : message.Code;
        if (!string.IsNullOrEmpty(attempt) && !used.TryUse(attempt))
        {
            context.Fail(new SignInFailedException(SignInFailure.ReplayedResponse));
            return;
        }

        // RFC 9207: a provider that names itself in the response must be the one the user was sent to (mix-up attacks).
        var named = message.GetParameter("iss");
        if (!string.IsNullOrEmpty(named) && context.Options.ConfigurationManager is { } metadata)
        {
            var issuer = (await metadata.GetConfigurationAsync(context.HttpContext.RequestAborted)).Issuer;
            if (named != issuer && !issuer.Contains("{tenantid}", StringComparison.OrdinalIgnoreCase))
            {
                context.Fail(new SignInFailedException(SignInFailure.WrongIssuer));
            }
        }
    }

    /// <summary>
    /// The handler accepts an unsigned ID token from the token endpoint (OIDC Core 3.1.3.7 lets TLS stand in for the
    /// signature); the portal does not: Entra always signs, so an unsigned token is a forgery.
    /// </summary>
    private static void RefuseUnsignedTokens(TokenValidatedContext context)
    {
        var token = context.SecurityToken;
        if (token is null || string.IsNullOrEmpty(token.RawSignature) || string.Equals(token.SignatureAlgorithm, "none", StringComparison.OrdinalIgnoreCase))
        {
            context.Fail(new SignInFailedException(SignInFailure.InvalidSignature));
        }
    }

    private static async Task SignInAsPortalUserAsync(TicketReceivedContext context, IdentityOptions settings)
    {
        var token = context.Principal ?? throw new SignInFailedException(SignInFailure.MalformedIdToken);
        string? Claim(string type) => token.FindFirst(type)?.Value is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : null;
        var subject = Claim("sub");
        if (subject is null)
        {
            await RefuseAsync(context, SignInFailure.NoStableUserId, "-");
            return;
        }

        var services = context.HttpContext.RequestServices;
        var user = PortalClaims.CreatePrincipal(
            subject,
            Claim("oid"),
            Claim("name") ?? Claim("preferred_username") ?? subject,
            RoleMapping.Map(token.FindAll(settings.RoleClaim).Select(c => c.Value), settings.RoleMapping),
            "oidc",
            services.GetRequiredService<TimeProvider>().GetUtcNow());
        try
        {
            await services.GetRequiredService<SignInAudit>().RecordAsync(user, SignInAudit.SignedIn, "oidc", context.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await RefuseAsync(context, SignInFailure.AuditUnavailable, e.GetType().Name);
            return;
        }

        context.Principal = user;
        context.ReturnUri = StartPages.Landing(user, context.ReturnUri);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraSignIn));
        var roles = string.Join(",", user.FindAll(PortalClaims.Role).Select(role => role.Value));
        var reviewer = user.ToReviewer();
        LogSignedIn(logger, reviewer.Id, roles);
    }

    private static async Task RefuseAsync<TOptions>(HandleRequestContext<TOptions> context, SignInFailure failure, string cause)
        where TOptions : AuthenticationSchemeOptions
    {
        // The failure's name and the exception type only: messages of token libraries may quote token contents.
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraSignIn));
        LogRejected(logger, failure, cause);
        context.HandleResponse();
        await ProblemPage(failure).ExecuteAsync(context.HttpContext);
    }

    /// <summary>The portal's own page for a refused sign-in, with 400 for what the browser brought and 502 for provider trouble.</summary>
    public static RazorComponentResult<SignInProblemPage> ProblemPage(SignInFailure failure) =>
        new(new Dictionary<string, object?> { [nameof(SignInProblemPage.Failure)] = failure })
        {
            StatusCode = SignInFailureMessages.StatusCode(failure),
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Signed in user {UserId} with OpenID Connect (portal roles: {Roles})")]
    private static partial void LogSignedIn(ILogger logger, string userId, string roles);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in rejected: {Failure} ({Cause})")]
    public static partial void LogRejected(ILogger logger, SignInFailure failure, string cause);
}
