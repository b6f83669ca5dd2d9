using System.Text.Json.Nodes;
using ReviewerPortal.Workflow.StepFunctions.Model;

namespace ReviewerPortal.Tests.Workflows;

/// <summary>What "the local engine and moto agree" means for one study-review case: same states, same end.</summary>
public static class EngineAgreement
{
    /// <summary>The same states entered in the same order (retries, revisions and escalations included), and the same end.</summary>
    public static async Task AgreeAsync(StudyReviewHarness local, string localExecution, MotoStudyReview moto, string motoExecution)
    {
        var localEnd = await local.RunToEndAsync(localExecution);
        var motoEnd = await moto.WaitForEndAsync(motoExecution);
        var localStates = (await local.HistoryAsync(localExecution))
            .Where(e => e.StateEnteredEventDetails is not null)
            .Select(e => e.StateEnteredEventDetails!.Name!)
            .ToList();
        var motoStates = await moto.StatesEnteredAsync(motoExecution);

        motoEnd.Status.Should().Be(localEnd.Status, $"moto ended {motoEnd.Status} {motoEnd.Error} {motoEnd.Cause}");
        motoEnd.Error.Should().Be(localEnd.Error);
        JsonNode.DeepEquals(JsonNode.Parse(localEnd.Output ?? "null"), JsonNode.Parse(motoEnd.Output ?? "null"))
            .Should().BeTrue($"outputs differ:\nlocal {localEnd.Output}\nmoto  {motoEnd.Output}");
        motoStates.Should().Equal(localStates, $"the states differ:\nlocal {string.Join(" ", localStates)}\nmoto  {string.Join(" ", motoStates)}");
    }
}
