using System.Globalization;
using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Workflow.LocalResources;

/// <summary>
/// Starts demo cases as real study-review executions on the local engine: a case reaches a clinician's queue because
/// its workflow fetched the study, generated a draft and stopped at the review gate, not because a row was inserted.
/// </summary>
public sealed class DemoCaseStarter(IAmazonStepFunctions stepFunctions, TimeProvider clock)
{
    /// <summary>The case input the study-review template expects.</summary>
    public static string InputFor(DemoStudy study, string caseId) => new JsonObject
    {
        ["caseId"] = caseId,
        ["datastoreId"] = DemoStudies.DatastoreId,
        ["imageSetId"] = study.ImageSetId,
        ["urgency"] = study.Urgency,
        ["indication"] = study.Indication,
    }.ToJsonString();

    /// <summary>Starts the catalog's cases once: execution names are the case ids, so a restart starts nothing twice.</summary>
    public async Task<int> StartCatalogAsync(string studyReviewArn, CancellationToken cancellationToken)
    {
        var started = 0;
        foreach (var study in DemoStudies.All)
        {
            try
            {
                await stepFunctions.StartExecutionAsync(
                    new StartExecutionRequest { StateMachineArn = studyReviewArn, Name = study.CaseId.ToLowerInvariant(), Input = InputFor(study, study.CaseId) },
                    cancellationToken).ConfigureAwait(false);
                started++;
            }
            catch (ExecutionAlreadyExistsException)
            {
                // Started on an earlier run; its state survived the restart.
            }
        }

        return started;
    }

    /// <summary>Starts one new case of the given urgency, cycling through the demo studies; returns its execution ARN.</summary>
    public async Task<string> StartNewAsync(string studyReviewArn, string urgency, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = DemoStudies.All.Where(s => s.Urgency == urgency).ToList();
        if (candidates.Count == 0)
        {
            throw new ArgumentException("Urgency must be urgent or routine.", nameof(urgency));
        }

        var study = candidates[(int)(now.ToUnixTimeSeconds() % candidates.Count)];
        var suffix = now.ToString("HHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999).ToString(CultureInfo.InvariantCulture);
        var caseId = $"{study.CaseId}-{suffix}";
        var response = await stepFunctions.StartExecutionAsync(
            new StartExecutionRequest { StateMachineArn = studyReviewArn, Name = caseId.ToLowerInvariant(), Input = InputFor(study, caseId) },
            cancellationToken).ConfigureAwait(false);
        return response.ExecutionArn!;
    }
}
