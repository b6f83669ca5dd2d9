using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Workflow.Templates;

/// <summary>What "the local engine and moto agree" means for one study-review case: same states, same end.</summary>
public static class EngineAgreement
{
    /// <summary>
    /// The same states entered in the same order, each task attempt that failed or timed out in between (so retries count),
    /// and the same end.
    /// </summary>
    public static async Task AgreeAsync(StudyReviewHarness local, string localExecution, MotoStudyReview moto, string motoExecution)
    {
        var localEnd = await local.RunToEndAsync(localExecution);
        var motoEnd = await moto.WaitForEndAsync(motoExecution);
        var localStates = Path(await local.HistoryAsync(localExecution));
        var motoStates = Path(await moto.HistoryAsync(motoExecution));

        motoEnd.Status.Should().Be(localEnd.Status, $"moto ended {motoEnd.Status} {motoEnd.Error} {motoEnd.Cause}");
        motoEnd.Error.Should().Be(localEnd.Error);
        JsonNode.DeepEquals(JsonNode.Parse(localEnd.Output ?? "null"), JsonNode.Parse(motoEnd.Output ?? "null"))
            .Should().BeTrue($"outputs differ:\nlocal {localEnd.Output}\nmoto  {motoEnd.Output}");
        motoStates.Should().Equal(localStates, $"the states differ:\nlocal {string.Join(" ", localStates)}\nmoto  {string.Join(" ", motoStates)}");
    }

    /// <summary>"State" for each state entered, "State failed" / "State timed out" for each task attempt that did not succeed.</summary>
    public static List<string> Path(IEnumerable<HistoryEvent> history)
    {
        var path = new List<string>();
        var current = string.Empty;
        foreach (var e in history)
        {
            if (e.StateEnteredEventDetails?.Name is { } entered)
            {
                current = entered;
                path.Add(entered);
            }
            else if (e.Type == HistoryEventType.TaskFailed)
            {
                path.Add(current + " failed");
            }
            else if (e.Type == HistoryEventType.TaskTimedOut)
            {
                path.Add(current + " timed out");
            }
        }

        return path;
    }
}
