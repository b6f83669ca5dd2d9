using System.Text;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>Base64 and URL encoding, as JSONata's functions of the same names (JavaScript's encodeURI rules).</summary>
internal static class TextEncodingFunctions
{
    // encodeURIComponent leaves these unescaped; encodeURI also leaves the URI's reserved characters.
    private const string ComponentSafe = "-_.!~*'()";
    private const string UriReserved = ";,/?:@&=+$#";

    public static void Register(FunctionLibrary library)
    {
        library.Add("base64encode", "<s-:s>", (_, a) => a[0] is string s ? Convert.ToBase64String(Encoding.UTF8.GetBytes(s)) : null);
        library.Add("base64decode", "<s-:s>", (_, a) => a[0] is string s ? Encoding.UTF8.GetString(Convert.FromBase64String(s)) : null);
        library.Add("encodeUrlComponent", "<s-:s>", (_, a) => a[0] is string s ? Encode(s, ComponentSafe) : null);
        library.Add("encodeUrl", "<s-:s>", (_, a) => a[0] is string s ? Encode(s, ComponentSafe + UriReserved) : null);
        library.Add("decodeUrlComponent", "<s-:s>", (_, a) => a[0] is string s ? Decode(s) : null);
        library.Add("decodeUrl", "<s-:s>", (_, a) => a[0] is string s ? Decode(s) : null);
    }

    private static string Encode(string s, string safe)
    {
        var result = new StringBuilder();
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in s.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || safe.Contains((char)rune.Value, StringComparison.Ordinal)))
            {
                result.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }

    private static string Decode(string s)
    {
        try
        {
            return Uri.UnescapeDataString(s);
        }
        catch (UriFormatException)
        {
            throw new JsonataException("D3140", $"Malformed URL passed to $decodeUrl(): \"{s}\"");
        }
    }
}
