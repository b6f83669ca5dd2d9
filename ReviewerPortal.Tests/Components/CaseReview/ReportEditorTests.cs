using Bunit;
using MudBlazor;
using ReviewerPortal.Components.CaseReview;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Components.CaseReview;

/// <summary>
/// The edit box's text reaches the server only as a stream read at Approve (review-editor.js), never as the value of an
/// input or change event: such an event carries the whole text in one SignalR message, and a long report over the
/// circuit's limit dropped the circuit and published the unedited draft (issue 10, item 1).
/// </summary>
public class ReportEditorTests : MudComponentTest
{
    [Fact]
    public void The_edit_box_sends_no_input_or_change_event_to_the_server()
    {
        var editor = Render<ReportEditor>(p => p
            .Add(c => c.Id, "edited-report")
            .Add(c => c.Label, "Edited report")
            .Add(c => c.InitialText, "FINDINGS: none."));

        var box = editor.Find("textarea#edited-report");

        box.TextContent.Should().Be("FINDINGS: none.");
        box.Attributes.Select(a => a.Name).Should().NotContain(name => name.StartsWith("blazor:on", StringComparison.Ordinal),
            "any Blazor handler on the box would carry its whole text to the server in one message");
        editor.Find("label[for=edited-report]").TextContent.Should().Be("Edited report");
    }

    [Fact]
    public void A_MudTextField_would_send_its_text_with_every_change_which_is_why_the_edit_box_is_not_one()
    {
        var field = Render<MudTextField<string>>(p => p.Add(c => c.Lines, 5).Add(c => c.Value, "text"));

        field.Find("textarea").Attributes.Select(a => a.Name).Should().Contain(name => name.StartsWith("blazor:on", StringComparison.Ordinal));
    }

    [Fact]
    public void A_read_only_box_offers_a_copy_button_named_after_its_text()
    {
        var editor = Render<ReportEditor>(p => p
            .Add(c => c.Id, "kept-reason")
            .Add(c => c.Label, "Your rejection reason")
            .Add(c => c.InitialText, "The impression misses the effusion.")
            .Add(c => c.ReadOnly, true));

        editor.Find("textarea#kept-reason").HasAttribute("readonly").Should().BeTrue();
        editor.Find("button").TextContent.Trim().Should().Be("Copy your rejection reason");
    }
}
