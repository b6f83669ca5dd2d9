using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>Runs a Distributed Map state as a Map Run of child executions (MapRuns/DistributedMaps implements it).</summary>
internal interface IDistributedMapRunner
{
    Task<StateResult> RunAsync(MapState state, JsonNode? input, StateRun run);
}
