using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>
/// The continuation token of a queue page: the (due time, id) of its last row, so the next page starts right after it
/// through the index instead of skipping over an offset.
/// </summary>
internal readonly record struct KeysetToken(long DueTicks, string Id)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{DueTicks}|{Id}")));

    /// <exception cref="ArgumentException">The token was not produced by <see cref="Encode"/>.</exception>
    public static KeysetToken Decode(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var separator = text.IndexOf('|', StringComparison.Ordinal);
            if (separator > 0 && long.TryParse(text.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return new KeysetToken(ticks, text[(separator + 1)..]);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The continuation token is not one this store issued.", nameof(token));
    }
}
