using System.Diagnostics.CodeAnalysis;

namespace ReviewerPortal.Drafts;

/// <summary>An object address <c>s3://bucket/key</c>, the form drafts and reports take in both modes.</summary>
public sealed record ObjectLocation(string Bucket, string Key)
{
    private const string Scheme = "s3://";

    public override string ToString() => Scheme + Bucket + "/" + Key;

    /// <summary>
    /// Accepts S3's bucket naming (3–63 of <c>a-z 0-9 . -</c>) and a non-empty key of at most 1,024 characters without
    /// control characters; anything else is not a location this portal reads or writes.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ObjectLocation? location)
    {
        location = null;
        if (text is null || !text.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        if (slash < 3 || slash > 63 || rest.Length - slash - 1 is < 1 or > 1024)
        {
            return false;
        }

        var bucket = rest[..slash];
        var key = rest[(slash + 1)..];
        foreach (var c in bucket)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                return false;
            }
        }

        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        location = new ObjectLocation(bucket.ToString(), key.ToString());
        return true;
    }

    public static ObjectLocation Parse(string text) =>
        TryParse(text, out var location) ? location : throw new FormatException("Not an s3://bucket/key location.");
}
