namespace ReviewerPortal.Identity;

/// <summary>How people sign in.</summary>
public enum IdentityMode
{
    /// <summary>A persona picker (clinician, supervisor, operator); allowed only in the Development environment.</summary>
    Development,

    /// <summary>Microsoft Entra ID (or an OpenID Connect provider issuing Entra-shaped tokens) through Microsoft.Identity.Web.</summary>
    Oidc,
}

/// <summary>Sign-in settings, bound from the <c>Identity</c> section.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public IdentityMode Mode { get; set; } = IdentityMode.Development;

    /// <summary>The Entra cloud, e.g. <c>https://login.microsoftonline.com/</c>; with <see cref="TenantId"/> it makes the authority <c>{Instance}{TenantId}/v2.0</c>.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>The directory (tenant) id, or <c>organizations</c>/<c>common</c> for a multi-tenant app (then <see cref="AllowedTenants"/>).</summary>
    public string? TenantId { get; set; }

    /// <summary>
    /// Instead of <see cref="Instance"/> and <see cref="TenantId"/>: the issuer URL, e.g.
    /// <c>https://login.microsoftonline.com/{tenant}/v2.0</c> (kept for configurations written before Identity.Web).
    /// </summary>
    public Uri? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Sent to the token endpoint with <c>client_secret_post</c>. Set this or <see cref="ClientCertificates"/>, not both.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Instead of <see cref="ClientSecret"/>: the app's certificate, described as in Identity.Web's configuration
    /// (<c>SourceType</c> <c>Path</c> with <c>CertificateDiskPath</c> and <c>CertificatePassword</c>, <c>Base64Encoded</c>
    /// with <c>Base64EncodedValue</c>, <c>StoreWithThumbprint</c> or <c>StoreWithDistinguishedName</c> with
    /// <c>CertificateStorePath</c>). The first that loads signs the client assertion (<c>private_key_jwt</c>); list two
    /// while rotating.
    /// </summary>
    public List<Microsoft.Identity.Web.CertificateDescription> ClientCertificates { get; } = [];

    /// <summary>The authority sign-in uses: <see cref="Authority"/> when set, else <c>{Instance}{TenantId}/v2.0</c>; null when neither is configured.</summary>
    public Uri? EffectiveAuthority => Authority
        ?? (string.IsNullOrWhiteSpace(TenantId) ? null : new Uri($"{Instance.AbsoluteUri.TrimEnd('/')}/{TenantId.Trim()}/v2.0"));

    /// <summary>Entra's multi-tenant authorities: any tenant's users could sign in, so <see cref="AllowedTenants"/> says which may.</summary>
    public bool IsMultiTenant => EffectiveAuthority is { } authority
        && authority.Segments.Any(s => s.TrimEnd('/') is "organizations" or "common");

    public string Scopes { get; set; } = "openid profile";

    /// <summary>The claim the provider puts app roles in (Entra ID: <c>roles</c>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// Provider role value → portal role (<c>Clinician</c>, <c>Supervisor</c>, <c>Operator</c>). When empty, provider
    /// values equal to a portal role name map to it; values that map to nothing grant nothing.
    /// </summary>
    public Dictionary<string, string> RoleMapping { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Entra multi-tenant authorities (<c>organizations</c>, <c>common</c>) publish the issuer <c>…/{tenantid}/v2.0</c>;
    /// only these tenant ids are then accepted. Ignored for a single-tenant authority, whose issuer is exact.
    /// </summary>
    public List<string> AllowedTenants { get; } = [];

    /// <summary>
    /// The portal's public origin (e.g. <c>https://portal.example.org</c>) for redirect URIs when it runs behind a TLS
    /// terminating load balancer; when empty the request's own scheme and host are used.
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>
    /// Where the keys that encrypt session cookies live when several instances serve users (Aws mode):
    /// <c>s3://bucket/portal-keys/</c>. When empty, each instance keeps its own keys on its own disk.
    /// </summary>
    public string? KeyRing { get; set; }

    /// <summary>Signed-in sessions end after this much inactivity (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>…and in any case this long after sign-in (absolute cap), so role changes take effect.</summary>
    public TimeSpan MaxSessionLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>How often an open Blazor circuit checks that its session has not passed <see cref="MaxSessionLifetime"/>.</summary>
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tolerance for clock differences when checking ID token lifetimes.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a started sign-in (state, nonce, PKCE verifier) stays redeemable; also how long a used response is remembered.</summary>
    public TimeSpan SignInTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
