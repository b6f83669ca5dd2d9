using System.Net.Http.Headers;

namespace ReviewerPortal.Storage.S3;

/// <summary>
/// Decides from an object's Content-Type and Content-Encoding whether its bytes can be read as UTF-8 text at all,
/// before any byte is downloaded: a PDF, an image, a gzip body or a Latin-1 declared draft is refused as not UTF-8.
/// </summary>
internal static class DraftContentHeaders
{
    // Objects uploaded without a type get one of these; their bytes are still checked as strict UTF-8.
    private static readonly string[] UntypedMediaTypes = ["application/octet-stream", "binary/octet-stream"];
    private static readonly string[] TextMediaTypes = ["application/json", "application/xml", "application/markdown"];
    private static readonly string[] Utf8Charsets = ["utf-8", "utf8", "us-ascii"];

    // "utf-8" is a common mistake for Content-Encoding; it describes no transformation of the bytes.
    private static readonly string[] IdentityEncodings = ["identity", "utf-8", "utf8"];

    public static bool AllowsUtf8Text(string? contentType, string? contentEncoding) =>
        IsIdentityEncoding(contentEncoding) && IsTextType(contentType);

    private static bool IsIdentityEncoding(string? contentEncoding) =>
        string.IsNullOrWhiteSpace(contentEncoding) || IdentityEncodings.Contains(contentEncoding.Trim(), StringComparer.OrdinalIgnoreCase);

    private static bool IsTextType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } mediaType)
        {
            return false;
        }

        var charset = parsed.CharSet?.Trim('"');
        if (charset is not null && !Utf8Charsets.Contains(charset, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || TextMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase)
            || UntypedMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }
}
