using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// The stand-in for the model in Local mode: turns the draft prompt (the study metadata in <c>&lt;study&gt;</c> tags, the
/// indication and any reviewer feedback) into a realistic, de-identified Markdown report. Same prompt, same draft.
/// </summary>
public static class DraftGenerator
{
    /// <summary>The section headings the study-review template's validation requires.</summary>
    public static IReadOnlyList<string> RequiredSections { get; } = ["## FINDINGS", "## IMPRESSION"];

    public static string Generate(string prompt, bool omitImpression = false)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var study = ParseStudy(Between(prompt, "<study>", "</study>"));
        var indication = Between(prompt, "<indication>", "</indication>").Trim();
        var feedback = Between(prompt, "<feedback>", "</feedback>").Trim();

        var description = study?["studyDescription"]?.GetValue<string>() ?? "IMAGING STUDY";
        var modality = study?["modality"]?.GetValue<string>() ?? string.Empty;
        var series = SeriesOf(study);
        var bodyPart = series.Select(s => s["BodyPartExamined"]?.GetValue<string>()).FirstOrDefault(b => b is not null) ?? string.Empty;
        var phrases = ReportPhrases.For(modality, bodyPart, description);

        var text = new StringBuilder();
        text.Append("# ").AppendLine(description).AppendLine();
        text.AppendLine("## CLINICAL INDICATION").AppendLine();
        text.AppendLine(indication.Length > 0 ? indication : "Not provided.").AppendLine();
        text.AppendLine("## TECHNIQUE").AppendLine();
        text.Append(phrases.Technique).Append(' ').AppendLine(SeriesSummary(series)).AppendLine();
        text.AppendLine("Comparison: none available.").AppendLine();
        text.AppendLine("## FINDINGS").AppendLine();
        foreach (var line in phrases.Findings)
        {
            text.AppendLine(line).AppendLine();
        }

        if (!omitImpression)
        {
            text.AppendLine("## IMPRESSION").AppendLine();
            for (var i = 0; i < phrases.Impression.Count; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i + 1}. ").AppendLine(phrases.Impression[i]);
            }

            text.AppendLine();
        }

        if (feedback.Length > 0)
        {
            text.AppendLine("## REVISION NOTE").AppendLine();
            text.Append("This draft was regenerated after reviewer feedback: ").AppendLine(feedback).AppendLine();
        }

        text.AppendLine("_AI-generated draft for review by a reporting radiologist. Not a final report._");
        return text.ToString();
    }

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf(close, start + open.Length, StringComparison.Ordinal);
        return start < 0 || end < 0 ? string.Empty : text[(start + open.Length)..end];
    }

    private static JsonObject? ParseStudy(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<JsonObject> SeriesOf(JsonObject? study) =>
        study?["metadata"]?["Study"]?["Series"] is JsonObject series
            ? series.Select(s => s.Value?["DICOM"]).OfType<JsonObject>().ToList()
            : [];

    private static string SeriesSummary(List<JsonObject> series) =>
        series.Count == 0
            ? string.Empty
            : "Series reviewed: " + string.Join("; ", series.Select(s =>
                $"{s["SeriesDescription"]?.GetValue<string>()} ({s["NumberOfSeriesRelatedInstances"]?.GetValue<int>()} images)")) + ".";
}
