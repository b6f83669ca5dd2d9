using System.Text;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Splits a kept edit into parts that each fit a DynamoDB item (400 KB, keys and attribute names included), never
/// inside a character: joined again they are the exact text.
/// </summary>
public static class KeptEditParts
{
    /// <summary>UTF-8 bytes of text per part, leaving room for the item's keys and other attributes.</summary>
    public const int PartBytes = 350_000;

    /// <summary>Enough parts for the largest edit kept (<see cref="ApprovedReport.MaxBytes"/>), with one to spare for parts ending short of a whole character.</summary>
    public const int MaxParts = (ApprovedReport.MaxBytes / PartBytes) + 1;

    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var start = 0;
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // A surrogate pair is one character of 4 bytes; it is never split between parts.
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var size = pair ? 4 : Encoding.UTF8.GetByteCount(text.AsSpan(i, 1));
            if (bytes + size > PartBytes)
            {
                parts.Add(text[start..i]);
                start = i;
                bytes = 0;
            }

            bytes += size;
            i += pair ? 1 : 0;
        }

        parts.Add(text[start..]);
        return parts;
    }
}
