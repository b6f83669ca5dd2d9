using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ReviewerPortal.Identity.Entra;

/// <summary>
/// Entra's multi-tenant authorities (<c>organizations</c>, <c>common</c>) accept a token from any tenant whose issuer
/// matches its <c>tid</c>; this lets only <see cref="IdentityOptions.AllowedTenants"/> through, then hands the token to
/// Identity.Web's issuer validator (issuer against the authority's v2.0 issuer with the token's <c>tid</c>).
/// </summary>
public static class TenantIssuerValidator
{
    public static IssuerValidator Wrap(IssuerValidator? entra, IdentityOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var validate = entra ?? throw new InvalidOperationException("Identity.Web registered no issuer validator.");
        if (!settings.IsMultiTenant)
        {
            return validate;
        }

        var allowed = settings.AllowedTenants.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (issuer, token, parameters) =>
        {
            var tenant = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
            if (tenant is null || !allowed.Contains(tenant))
            {
                throw new SecurityTokenInvalidIssuerException("The token's tenant is not in Identity:AllowedTenants.");
            }

            return validate(issuer, token, parameters);
        };
    }
}
