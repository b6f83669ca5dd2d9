namespace ReviewerPortal.Workflow.Templates;

/// <summary>
/// The values substituted into the bundled templates' placeholders (section <c>Workflow:Templates</c>). In Local mode
/// they name the embedded table, folders and bus; deploy tooling passes the same names for the AWS resources.
/// </summary>
public sealed class WorkflowTemplateOptions
{
    public const string Section = "Workflow:Templates";

    /// <summary>The same default as deploy/review-storage.yaml's table, so one name means the same table everywhere.</summary>
    public string ReviewTasksTable { get; set; } = "reviewer-portal-tasks";
    public string DraftBucket { get; set; } = "reviewer-portal-drafts";
    public string ReportBucket { get; set; } = "reviewer-portal-reports";
    public string EventBusName { get; set; } = "reviewer-portal";
    public string DraftModelId { get; set; } = "anthropic.claude-3-5-sonnet-20240620-v1:0";

    /// <summary>The substitutions for every placeholder, given the ARN the draft-generation state machine got.</summary>
    public IReadOnlyDictionary<string, string> Substitutions(string draftGenerationStateMachineArn) => new Dictionary<string, string>
    {
        [TemplatePlaceholders.ReviewTasksTable] = ReviewTasksTable,
        [TemplatePlaceholders.DraftBucket] = DraftBucket,
        [TemplatePlaceholders.ReportBucket] = ReportBucket,
        [TemplatePlaceholders.EventBusName] = EventBusName,
        [TemplatePlaceholders.DraftModelId] = DraftModelId,
        [TemplatePlaceholders.DraftGenerationStateMachineArn] = draftGenerationStateMachineArn,
    };
}
