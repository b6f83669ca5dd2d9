using ReviewerPortal.Workflow.StepFunctions.Model;

namespace ReviewerPortal.Workflow.Templates;

/// <summary>
/// The templates the portal serves, in deployment order: a template that starts another one comes after it, so the
/// other's ARN is known when its placeholder is substituted.
/// </summary>
public static class BundledTemplates
{
    public static BundledTemplate DraftGeneration { get; } = new("draft-generation", StateMachineType.EXPRESS, "draft-generation.asl.json");

    public static BundledTemplate StudyReview { get; } = new("study-review", StateMachineType.STANDARD, "study-review.asl.json");

    public static IReadOnlyList<BundledTemplate> All { get; } = [DraftGeneration, StudyReview];
}
