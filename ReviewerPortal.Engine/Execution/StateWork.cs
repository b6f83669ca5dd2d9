using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// Each state type's own work, between the executor's input and output processing. The model computes (a Choice's
/// branch, a Fail's error, a Wait's end); what needs the running execution (timers, tasks, child frames) lives here.
/// </summary>
internal static class StateWork
{
    public static ValueTask<StateResult> RunAsync(State state, JsonNode? input, StateRun run) => state switch
    {
        PassState pass => ValueTask.FromResult(new StateResult(pass.Output(input))),
        SucceedState => ValueTask.FromResult(new StateResult(input)),
        ChoiceState choice => ValueTask.FromResult(choice.Choose(input, run.Scope(input))),
        FailState fail => throw fail.Failure(run.Scope(input)),
        WaitState wait => WaitAsync(wait, input, run),
        TaskState task => run.Tasks.RunAsync(task, input, run),
        ParallelState parallel => new(ParallelBranches.RunAsync(parallel, input, run)),
        MapState { Distributed: not null } map when run.Execution.Services.DistributedMaps is { } maps => new(maps.RunAsync(map, input, run)),
        MapState map => new(InlineMap.RunAsync(map, input, run)),
        _ => throw new NotSupportedException($"The engine cannot run a state of type {state.Type}."),
    };

    private static async ValueTask<StateResult> WaitAsync(WaitState wait, JsonNode? input, StateRun run)
    {
        await run.SleepUntilAsync(wait.Until(run.Scope(input), run.EnteredTime));
        return new StateResult(input);
    }
}
