using System.Text.Encodings.Web;
using System.Text.Json;

namespace ReviewerPortal.Workflow.Templates;

internal static class TemplateJson
{
    /// <summary>Keeps characters such as <c>+</c> and <c>'</c> readable in substituted definitions.</summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
