using System.Security.Cryptography.X509Certificates;
using Microsoft.Identity.Web;

namespace ReviewerPortal.Identity.Entra;

/// <summary>
/// Loads the certificate the portal proves its identity with (<see cref="IdentityOptions.ClientCertificates"/>) through
/// Identity.Web's own certificate loader, so the descriptions mean what they mean in Identity.Web's configuration.
/// </summary>
public static class ClientCertificates
{
    /// <summary>
    /// The first described certificate that loads with an RSA private key (Entra ID signs nothing else for a client),
    /// or null when none is described. Several may be listed while a certificate is rotated.
    /// </summary>
    /// <exception cref="PortalConfigurationException">Certificates are described but none can be used; says why for each.</exception>
    public static X509Certificate2? Load(IdentityOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ClientCertificates.Count == 0)
        {
            return null;
        }

        var loader = new DefaultCertificateLoader();
        var problems = new List<string>();
        for (var i = 0; i < settings.ClientCertificates.Count; i++)
        {
            var description = settings.ClientCertificates[i];
            var problem = TryLoad(loader, description, out var certificate);
            if (certificate is not null)
            {
                return certificate;
            }

            problems.Add($"Identity:ClientCertificates:{i} ({Describe(description)}): {problem}");
        }

        throw new PortalConfigurationException(
            "No certificate in Identity:ClientCertificates can be used to sign in with Entra ID. " + string.Join(" ", problems) +
            " Each needs a readable certificate with its RSA private key (a PFX file with its password, a base64-encoded PFX, " +
            "or a certificate in the store), whose public key is registered with the app.");
    }

    private static string? TryLoad(DefaultCertificateLoader loader, CertificateDescription description, out X509Certificate2? usable)
    {
        usable = null;
        try
        {
            loader.LoadIfNeeded(description);
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or IOException
            or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
        {
            return $"could not be read ({exception.Message.TrimEnd('.')}).";
        }

        if (description.Certificate is not { } certificate)
        {
            return description.SourceType == CertificateSource.Path && !File.Exists(description.CertificateDiskPath)
                ? "the file does not exist or cannot be read."
                : "could not be loaded (is the source, the password or the file right?).";
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            return "the certificate has no RSA private key, so it cannot sign.";
        }

        usable = certificate;
        return null;
    }

    /// <summary>Where the certificate was to come from, never its password or its bytes.</summary>
    private static string Describe(CertificateDescription description) => description.SourceType switch
    {
        CertificateSource.Path => $"Path {description.CertificateDiskPath}",
        CertificateSource.StoreWithThumbprint => $"StoreWithThumbprint {description.CertificateStorePath} {description.CertificateThumbprint}",
        CertificateSource.StoreWithDistinguishedName => $"StoreWithDistinguishedName {description.CertificateStorePath} {description.CertificateDistinguishedName}",
        var other => other.ToString(),
    };
}
