using System.Reflection;
using ReviewerPortal.Review;

namespace ReviewerPortal.Demo;

/// <summary>
/// One de-identified demo study with its AI draft: the data a seeder or a workflow start needs, nothing about how it
/// gets into the portal.
/// </summary>
/// <param name="AgeMinutes">How long before "now" the draft was produced when the case is seeded.</param>
/// <param name="SlaMinutes">Time from creation to the review deadline.</param>
/// <param name="DraftName">The embedded Markdown draft, <c>Demo/Drafts/{DraftName}.md</c>.</param>
public sealed record DemoCase(
    string CaseId,
    string StudyDescription,
    string Modality,
    Urgency Urgency,
    int AgeMinutes,
    int SlaMinutes,
    string DraftName)
{
    public QueueName Queue => Urgency == Urgency.Urgent ? QueueName.Urgent : QueueName.Routine;

    /// <summary>Where the seeded draft lives, in the same <c>s3://bucket/key</c> form the workflow uses.</summary>
    public string DraftLocation => $"s3://{DemoCatalog.DraftBucket}/demo/{CaseId}/draft.md";

    public string ReadDraft()
    {
        using var stream = typeof(DemoCase).Assembly.GetManifestResourceStream($"Demo.Drafts.{DraftName}.md")
            ?? throw new InvalidOperationException($"Demo draft {DraftName} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
