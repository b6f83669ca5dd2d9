using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
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

    [Fact]
    public async Task Reading_the_text_before_the_editor_script_has_loaded_waits_for_it_instead_of_failing_the_page()
    {
        // A click on Show changes or Approve right after Edit draft, on a slow connection: the script is still loading.
        var script = new SlowScriptRuntime();
        Services.AddSingleton<IJSRuntime>(script);
        var editor = Render<ReportEditor>(p => p
            .Add(c => c.Id, "edited-report")
            .Add(c => c.Label, "Edited report")
            .Add(c => c.InitialText, "FINDINGS: none."));

        var read = editor.Instance.ReadAsync();

        read.IsCompleted.Should().BeFalse("the read waits for the script rather than failing");
        script.Loaded(new EditorScript("FINDINGS: edited."));
        (await read.WaitAsync(TimeSpan.FromSeconds(30))).Text.Should().Be("FINDINGS: edited.");
    }

    /// <summary>A browser whose module imports finish only when the test says so.</summary>
    private sealed class SlowScriptRuntime : IJSRuntime
    {
        private readonly TaskCompletionSource<IJSObjectReference> _import = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Loaded(IJSObjectReference module) => _import.SetResult(module);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            identifier == "import" ? new ValueTask<TValue>(ImportAsync<TValue>()) : ValueTask.FromResult<TValue>(default!);

        private async Task<TValue> ImportAsync<TValue>() => (TValue)await _import.Task;
    }

    /// <summary>review-editor.js as the component sees it: <c>read</c> answers the text on screen as a stream.</summary>
    private sealed class EditorScript(string onScreen) : IJSObjectReference
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(identifier == "read" ? (TValue)(object)new TextStream(onScreen) : default!);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class TextStream(string text) : IJSStreamReference
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(text);

        public long Length => _bytes.Length;

        public ValueTask<Stream> OpenReadStreamAsync(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<Stream>(new MemoryStream(_bytes));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
