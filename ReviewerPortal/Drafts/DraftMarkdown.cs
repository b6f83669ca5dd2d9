using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ReviewerPortal.Drafts;

/// <summary>
/// Renders an AI draft's Markdown to HTML that is safe to put in the page: raw HTML is shown as text, links keep only
/// http, https and mailto targets, and images become their alt text (a draft must not load anything).
/// </summary>
public static class DraftMarkdown
{
    // No UseAdvancedExtensions: its generic attributes ({onclick=…}) would let a draft add event handlers.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private static readonly string[] SafeSchemes = [Uri.UriSchemeHttp, Uri.UriSchemeHttps, Uri.UriSchemeMailto];

    public static string ToHtml(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        Neutralize(document);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static void Neutralize(MarkdownDocument document)
    {
        // Materialize first: replacing nodes while walking the tree would skip siblings.
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url))
            {
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsSafe(link.Url))
            {
                link.ReplaceBy(new LiteralInline(PlainText(link)));
            }
        }
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && SafeSchemes.Contains(uri.Scheme, StringComparer.Ordinal);

    private static string PlainText(ContainerInline container)
    {
        var text = new StringBuilder();
        foreach (var literal in container.Descendants<LiteralInline>())
        {
            text.Append(literal.Content.ToString());
        }

        return text.ToString();
    }
}
