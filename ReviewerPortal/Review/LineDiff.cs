using System.Text;

namespace ReviewerPortal.Review;

/// <summary>
/// The lines an edit added to and removed from the draft, in order ("+ line" / "- line"): shown before approving and
/// recorded with the decision. Common leading and trailing lines are skipped first; a longest-common-subsequence table
/// pairs the rest while it stays small, and beyond that the changed block is shown as removed then added.
/// </summary>
public static class LineDiff
{
    private const int MaxTableCells = 4_000_000;

    public static string Summarize(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Lines(before);
        var b = Lines(after);
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[^(tail + 1)] == b[^(tail + 1)])
        {
            tail++;
        }

        var removed = a[head..(a.Length - tail)];
        var added = b[head..(b.Length - tail)];
        var diff = new StringBuilder();
        if ((long)removed.Length * added.Length <= MaxTableCells)
        {
            Pair(removed, added, diff);
        }
        else
        {
            foreach (var line in removed)
            {
                diff.Append("- ").Append(line).Append('\n');
            }

            foreach (var line in added)
            {
                diff.Append("+ ").Append(line).Append('\n');
            }
        }

        return diff.ToString();
    }

    private static void Pair(string[] a, string[] b, StringBuilder diff)
    {
        // common[i, j] = length of the longest common subsequence of a[i..] and b[j..].
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                diff.Append("+ ").Append(b[y++]).Append('\n');
            }
            else
            {
                diff.Append("- ").Append(a[x++]).Append('\n');
            }
        }
    }

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
