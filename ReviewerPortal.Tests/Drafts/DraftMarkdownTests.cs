using ReviewerPortal.Drafts;

namespace ReviewerPortal.Tests.Drafts;

public class DraftMarkdownTests
{
    [Fact]
    public void Headings_lists_and_emphasis_render_as_html()
    {
        var html = DraftMarkdown.ToHtml("## Findings\n\n- No **haemorrhage**.\n- Small effusion.");

        html.Should().Contain("<h2>Findings</h2>").And.Contain("<li>No <strong>haemorrhage</strong>.</li>");
    }

    [Fact]
    public void A_script_element_in_a_draft_shows_as_text()
    {
        var html = DraftMarkdown.ToHtml("Impression: normal.\n\n<script>alert('x')</script>\n\nInline <script>steal()</script> too.");

        html.Should().NotContain("<script").And.Contain("&lt;script&gt;alert('x')&lt;/script&gt;").And.Contain("&lt;script&gt;steal()");
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<a href=\"javascript:alert(1)\">click</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("<div onclick=\"alert(1)\">x</div>")]
    public void Raw_html_never_becomes_markup(string raw)
    {
        var html = DraftMarkdown.ToHtml("Text " + raw);

        html.Should().NotContainAny("<img", "<a ", "<iframe", "<div");
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JaVaScRiPt:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("<javascript:alert(1)>")]
    public void Links_to_script_or_data_urls_lose_their_link(string markdown)
    {
        var html = DraftMarkdown.ToHtml(markdown);

        html.Should().NotContain("href").And.NotContainEquivalentOf("javascript:alert(1)\"");
    }

    [Fact]
    public void Web_links_stay_links_and_images_become_their_alt_text()
    {
        var html = DraftMarkdown.ToHtml("See [guideline](https://www.rcr.ac.uk/). ![axial slice](https://tracker.example/pixel.png)");

        html.Should().Contain("<a href=\"https://www.rcr.ac.uk/\">guideline</a>").And.Contain("axial slice").And.NotContain("<img");
    }

    [Fact]
    public void Generic_attribute_syntax_adds_no_attributes()
    {
        var html = DraftMarkdown.ToHtml("# Findings {onclick=\"alert(1)\"}");

        html.Should().NotContain("onclick=\"");
    }
}
