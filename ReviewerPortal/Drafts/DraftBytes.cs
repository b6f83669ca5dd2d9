using System.Security.Cryptography;
using System.Text;

namespace ReviewerPortal.Drafts;

/// <summary>Turns a stored object's bytes into draft text: strict UTF-8 (a leading BOM dropped), hashed as stored.</summary>
public static class DraftBytes
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static UTF8Encoding StrictUtf8 { get; } = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>SHA-256 of exactly the stored bytes, as lowercase hex: what the approval output reports as <c>draftSha256</c>.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static DraftReadResult Decode(ReadOnlySpan<byte> bytes)
    {
        var sha256 = Sha256(bytes);
        var body = bytes.StartsWith(Utf8Bom) ? bytes[Utf8Bom.Length..] : bytes;
        try
        {
            return new DraftReadResult(DraftReadStatus.Found, StrictUtf8.GetString(body), sha256, bytes.Length);
        }
        catch (DecoderFallbackException)
        {
            return new DraftReadResult(DraftReadStatus.NotUtf8, Sha256: sha256, Size: bytes.Length);
        }
    }
}
