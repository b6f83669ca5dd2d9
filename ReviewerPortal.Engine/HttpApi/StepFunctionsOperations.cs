using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.HttpApi;

/// <summary>
/// The operations the local API serves: the name after <c>AWSStepFunctions.</c> mapped onto the
/// <see cref="IAmazonStepFunctions"/> method, with the JSON 1.0 body read into its request and the response written back.
/// </summary>
public static class StepFunctionsOperations
{
    /// <summary>Reads the request body, calls the API, returns the response body.</summary>
    public delegate Task<byte[]> Operation(IAmazonStepFunctions api, byte[] body, CancellationToken cancellationToken);

    private static readonly Dictionary<string, Operation> ByName = new(StringComparer.Ordinal)
    {
        ["CreateStateMachine"] = Bind<CreateStateMachineRequest, CreateStateMachineResponse>((a, r, c) => a.CreateStateMachineAsync(r, c)),
        ["DescribeStateMachine"] = Bind<DescribeStateMachineRequest, DescribeStateMachineResponse>((a, r, c) => a.DescribeStateMachineAsync(r, c)),
        ["ListStateMachines"] = Bind<ListStateMachinesRequest, ListStateMachinesResponse>((a, r, c) => a.ListStateMachinesAsync(r, c)),
        ["UpdateStateMachine"] = Bind<UpdateStateMachineRequest, UpdateStateMachineResponse>((a, r, c) => a.UpdateStateMachineAsync(r, c)),
        ["DeleteStateMachine"] = Bind<DeleteStateMachineRequest, DeleteStateMachineResponse>((a, r, c) => a.DeleteStateMachineAsync(r, c)),
        ["StartExecution"] = Bind<StartExecutionRequest, StartExecutionResponse>((a, r, c) => a.StartExecutionAsync(r, c)),
        ["DescribeExecution"] = Bind<DescribeExecutionRequest, DescribeExecutionResponse>((a, r, c) => a.DescribeExecutionAsync(r, c)),
        ["ListExecutions"] = Bind<ListExecutionsRequest, ListExecutionsResponse>((a, r, c) => a.ListExecutionsAsync(r, c)),
        ["GetExecutionHistory"] = Bind<GetExecutionHistoryRequest, GetExecutionHistoryResponse>((a, r, c) => a.GetExecutionHistoryAsync(r, c)),
        ["StopExecution"] = Bind<StopExecutionRequest, StopExecutionResponse>((a, r, c) => a.StopExecutionAsync(r, c)),
        ["RedriveExecution"] = Bind<RedriveExecutionRequest, RedriveExecutionResponse>((a, r, c) => a.RedriveExecutionAsync(r, c)),
        ["SendTaskSuccess"] = Bind<SendTaskSuccessRequest, SendTaskSuccessResponse>((a, r, c) => a.SendTaskSuccessAsync(r, c)),
        ["SendTaskFailure"] = Bind<SendTaskFailureRequest, SendTaskFailureResponse>((a, r, c) => a.SendTaskFailureAsync(r, c)),
        ["SendTaskHeartbeat"] = Bind<SendTaskHeartbeatRequest, SendTaskHeartbeatResponse>((a, r, c) => a.SendTaskHeartbeatAsync(r, c)),
        ["ValidateStateMachineDefinition"] = Bind<ValidateStateMachineDefinitionRequest, ValidateStateMachineDefinitionResponse>(
            (a, r, c) => a.ValidateStateMachineDefinitionAsync(r, c)),
        ["ListMapRuns"] = Bind<ListMapRunsRequest, ListMapRunsResponse>((a, r, c) => a.ListMapRunsAsync(r, c)),
        ["DescribeMapRun"] = Bind<DescribeMapRunRequest, DescribeMapRunResponse>((a, r, c) => a.DescribeMapRunAsync(r, c)),
        ["UpdateMapRun"] = Bind<UpdateMapRunRequest, UpdateMapRunResponse>((a, r, c) => a.UpdateMapRunAsync(r, c)),
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryFind(string name, out Operation operation) => ByName.TryGetValue(name, out operation!);

    private static Operation Bind<TRequest, TResponse>(Func<IAmazonStepFunctions, TRequest, CancellationToken, Task<TResponse>> call)
        where TRequest : new() =>
        async (api, body, cancellationToken) =>
        {
            // A body that is not JSON of the request's shape throws JsonException: the endpoint answers SerializationException.
            var request = StepFunctionsJson.Deserialize<TRequest>(body);
            var response = await call(api, request, cancellationToken).ConfigureAwait(false);
            return StepFunctionsJson.Serialize(response);
        };
}
