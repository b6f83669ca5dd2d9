using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>
/// Replaces the study-review states moto 5.2.1 cannot run (listed on <see cref="MotoStudyReview"/>) and scales the
/// gates' timers; every other state runs on moto as shipped.
/// </summary>
public static class MotoStudyReviewTemplate
{
    public static void Adapt(JsonObject states, DemoStudy study, string draftAsRead, int timeScale, string draftBucket = "reviewer-portal-drafts")
    {
        var fetch = states["FetchStudyMetadata"]!;
        states["FetchStudyMetadata"] = new JsonObject
        {
            ["Type"] = "Pass",
            ["Comment"] = "moto has no HealthImaging: the local stand-in's selected metadata for the case's study.",
            ["Result"] = new JsonObject
            {
                ["studyDescription"] = study.StudyDescription,
                ["modality"] = study.Modality,
                ["metadata"] = ImagingMetadataHandler.MetadataOf(study),
            },
            ["ResultPath"] = "$.study",
            ["Next"] = fetch["Next"]!.GetValue<string>(),
        };
        var generate = states["GenerateDraft"]!;
        states["GenerateDraft"] = new JsonObject
        {
            ["Type"] = "Pass",
            ["Comment"] = "moto cannot run startExecution.sync:2 nor Bedrock: the draft object is written by the test.",
            ["Parameters"] = new JsonObject
            {
                ["draftUri.$"] = $"States.Format('s3://{draftBucket}/drafts/{{}}/{{}}/attempt-{{}}.md', $.caseId, $$.Execution.Name, $.attempt)",
                ["bucket"] = draftBucket,
                ["key.$"] = "States.Format('drafts/{}/{}/attempt-{}.md', $.caseId, $$.Execution.Name, $.attempt)",
                ["sha256"] = string.Empty,
                ["manual"] = false,
            },
            ["ResultPath"] = "$.draft",
            ["Next"] = generate["Next"]!.GetValue<string>(),
        };
        states["FetchDraft"] = new JsonObject
        {
            ["Type"] = "Pass",
            ["Comment"] = "moto's getObject returns Body as a Python object's repr, not the text: the text the test wrote.",
            ["Parameters"] = new JsonObject { ["body"] = draftAsRead, ["size.$"] = "$.check.size" },
            ["ResultPath"] = "$.check",
            ["Next"] = states["FetchDraft"]!["Next"]!.GetValue<string>(),
        };
        foreach (var (_, state) in states)
        {
            foreach (var timer in new[] { "HeartbeatSeconds", "TimeoutSeconds" })
            {
                if (state?[timer] is JsonValue seconds)
                {
                    state[timer] = Math.Max(2, (int)Math.Ceiling(seconds.GetValue<int>() / (double)timeScale)) + (timer == "TimeoutSeconds" ? 1 : 0);
                }
            }
        }
    }
}
