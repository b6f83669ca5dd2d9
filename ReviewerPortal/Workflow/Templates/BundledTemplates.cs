using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Workflow.Templates;

/// <summary>
/// The templates the portal serves, in deployment order: a template that starts another one comes after it, so the
/// other's ARN is known when its placeholder is substituted.
/// </summary>
public static class BundledTemplates
{
    public static BundledTemplate DraftGeneration { get; } = new("draft-generation", StateMachineType.EXPRESS, "draft-generation.asl.json");

    /// <summary>
    /// draft-generation written in JSONata (same requests and result). Not deployed: moto, which the JSONPath templates are
    /// tested against, cannot run JSONata; the local engine can (WorkflowsTests).
    /// </summary>
    public static BundledTemplate DraftGenerationJsonata { get; } = new("draft-generation", StateMachineType.EXPRESS, "draft-generation.jsonata.asl.json");

    public static BundledTemplate StudyReview { get; } = new("study-review", StateMachineType.STANDARD, "study-review.asl.json");

    /// <summary>
    /// Re-drafts a backlog of studies with a Distributed Map of Express children. It deploys and validates here; it runs
    /// on the local engine once the engine runs Distributed Map (ItemReader, ResultWriter, Map Runs).
    /// </summary>
    public static BundledTemplate DraftBackfill { get; } = new("draft-backfill", StateMachineType.STANDARD, "draft-backfill.asl.json");

    public static IReadOnlyList<BundledTemplate> All { get; } = [DraftGeneration, StudyReview, DraftBackfill];
}
