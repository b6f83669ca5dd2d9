using ReviewerPortal.Components.CaseReview;
using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.CaseReview;

public class DraftPanelTests
{
    private static Task<string> Render(DraftView draft) =>
        ComponentMarkup.RenderAsync<DraftPanel>(new Dictionary<string, object?> { [nameof(DraftPanel.Draft)] = draft });

    [Fact]
    public async Task A_readable_draft_renders_its_markdown_under_an_ai_draft_label()
    {
        var html = await Render(new DraftView(DraftReadStatus.Found, DraftMarkdown.ToHtml("## Impression\n\nNo acute abnormality."), null));

        html.Should().Contain("AI draft").And.Contain("not a final report")
            .And.Contain("<h2>Impression</h2>").And.Contain("<p>No acute abnormality.</p>");
    }

    [Fact]
    public async Task A_draft_containing_a_script_element_shows_it_as_text()
    {
        var html = await Render(new DraftView(DraftReadStatus.Found, DraftMarkdown.ToHtml("Normal.\n\n<script>alert(document.cookie)</script>"), null));

        html.Should().NotContain("<script").And.Contain("&lt;script&gt;alert(document.cookie)&lt;/script&gt;");
    }

    [Fact]
    public async Task An_unreadable_draft_shows_its_message_instead_of_a_body()
    {
        var html = await Render(new DraftView(DraftReadStatus.TooLarge, null, "The AI draft is too large to display."));

        html.Should().Contain("role=\"alert\"").And.Contain("The AI draft is too large to display.").And.NotContain("draft-body");
    }
}
