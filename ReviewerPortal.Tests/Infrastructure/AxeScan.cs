using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>Runs axe-core in the page as it stands and lists what it finds that blocks people (serious or critical).</summary>
public static class AxeScan
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>One line per failing element: where (<paramref name="where"/>), the rule, its impact and the element.</summary>
    public static async Task<IReadOnlyList<string>> BlockingViolationsAsync(IPage page, string where)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe();
        return
        [
            .. result.Violations
                .Where(v => Blocking.Contains(v.Impact))
                .SelectMany(v => v.Nodes.Select(n => $"{where}: {v.Id} ({v.Impact}) {v.Help} at {n.Target}: {Shorten(n.Html)}")),
        ];
    }

    private static string Shorten(string html) => html.Length <= 160 ? html : html[..160] + "…";
}
