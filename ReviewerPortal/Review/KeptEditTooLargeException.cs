using System.Globalization;
using System.Text;

namespace ReviewerPortal.Review;

/// <summary>An edit beyond the largest report the portal publishes: not kept, and the reviewer is told why.</summary>
public sealed class KeptEditTooLargeException : Exception
{
    public KeptEditTooLargeException()
    {
    }

    public KeptEditTooLargeException(string message)
        : base(message)
    {
    }

    public KeptEditTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeptEditTooLargeException(long bytes)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Your edit is {bytes / 1024.0:0.#} KiB; the portal keeps unsent edits up to {ApprovedReport.MaxBytes / 1024} KiB (1 MiB), the largest report it publishes. It is still on this screen but would not survive a reload: shorten it."))
    {
        Bytes = bytes;
    }

    public long Bytes { get; }

    /// <summary>Refuses <paramref name="text"/> whole if its UTF-8 size is over the limit (never keeps a part of it).</summary>
    public static void ThrowIfTooLarge(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = Encoding.UTF8.GetByteCount(text);
        if (bytes > ApprovedReport.MaxBytes)
        {
            throw new KeptEditTooLargeException(bytes);
        }
    }
}
