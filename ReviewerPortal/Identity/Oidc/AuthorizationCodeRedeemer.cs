using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ReviewerPortal.Identity.Oidc;

/// <summary>Exchanges an authorization code and its PKCE verifier for an ID token at the provider's token endpoint.</summary>
public sealed class AuthorizationCodeRedeemer(IHttpClientFactory httpClients, IOptions<IdentityOptions> options)
{
    /// <exception cref="SignInFailedException">The provider refused the code, or could not be reached.</exception>
    public async Task<string> RedeemAsync(
        OpenIdConnectConfiguration metadata, string code, string codeVerifier, Uri redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (string.IsNullOrEmpty(codeVerifier))
        {
            throw new SignInFailedException(SignInFailure.MissingPkceVerifier);
        }

        var settings = options.Value;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri.AbsoluteUri,
            ["code_verifier"] = codeVerifier,
            ["client_id"] = settings.ClientId!,
        };
        if (!string.IsNullOrEmpty(settings.ClientSecret))
        {
            form["client_secret"] = settings.ClientSecret;
        }

        HttpResponseMessage response;
        try
        {
            using var content = new FormUrlEncodedContent(form);
            response = await httpClients.CreateClient(OidcMetadata.HttpClientName)
                .PostAsync(new Uri(metadata.TokenEndpoint), content, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new SignInFailedException(SignInFailure.ProviderUnreachable, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SignInFailedException(SignInFailure.ProviderUnreachable, e);
        }

        using (response)
        {
            if ((int)response.StatusCode >= 500)
            {
                throw new SignInFailedException(SignInFailure.ProviderUnreachable);
            }

            if (!response.IsSuccessStatusCode)
            {
                // invalid_grant: a used, expired or injected code, or a PKCE verifier that does not match.
                throw new SignInFailedException(SignInFailure.CodeRejectedByProvider);
            }

            try
            {
                using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
                return json.RootElement.TryGetProperty("id_token", out var idToken) && idToken.ValueKind == JsonValueKind.String
                    ? idToken.GetString()!
                    : throw new SignInFailedException(SignInFailure.MalformedIdToken);
            }
            catch (JsonException e)
            {
                throw new SignInFailedException(SignInFailure.MalformedIdToken, e);
            }
        }
    }
}
