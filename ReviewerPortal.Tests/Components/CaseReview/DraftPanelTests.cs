using Bunit;
using ReviewerPortal.Components.CaseReview;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>The AI draft as the reviewer sees it (bunit).</summary>
public class DraftPanelTests : MudComponentTest
{
    private IRenderedComponent<DraftPanel> Render(DraftView draft) => Render<DraftPanel>(p => p.Add(d => d.Draft, draft));

    [Fact]
    public void A_readable_draft_renders_its_markdown_under_an_ai_draft_label()
    {
        var panel = Render(new DraftView(DraftReadStatus.Found, DraftMarkdown.ToHtml("## Impression\n\nNo acute abnormality."), null));

        panel.Markup.Should().Contain("AI draft").And.Contain("not a final report");
        panel.Find(".draft-body h2").TextContent.Should().Be("Impression");
        panel.Find(".draft-body p").TextContent.Should().Be("No acute abnormality.");
    }

    [Fact]
    public void A_draft_containing_a_script_element_shows_it_as_text()
    {
        var panel = Render(new DraftView(DraftReadStatus.Found, DraftMarkdown.ToHtml("Normal.\n\n<script>alert(document.cookie)</script>"), null));

        panel.FindAll("script").Should().BeEmpty();
        panel.Find(".draft-body").TextContent.Should().Contain("<script>alert(document.cookie)</script>");
    }

    [Fact]
    public void An_unreadable_draft_shows_its_message_instead_of_a_body()
    {
        var panel = Render(new DraftView(DraftReadStatus.TooLarge, null, "The AI draft is too large to display."));

        panel.Find("[role=alert]").TextContent.Should().Contain("The AI draft is too large to display.");
        panel.FindAll(".draft-body").Should().BeEmpty();
    }
}
