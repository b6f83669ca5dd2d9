using Amazon.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.StepFunctions;

/// <summary>
/// Our AWS Step Functions client (AWSSDK.StepFunctions is not served here): each operation is one JSON 1.0 call through
/// <see cref="StepFunctionsTransport"/>. Callbacks are checked against the service's limits before anything is sent.
/// </summary>
public sealed class StepFunctionsClient(StepFunctionsTransport transport) : IAmazonStepFunctions
{
    public Task<CreateStateMachineResponse> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<CreateStateMachineRequest, CreateStateMachineResponse>("CreateStateMachine", request, cancellationToken);

    public Task<DescribeStateMachineResponse> DescribeStateMachineAsync(DescribeStateMachineRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeStateMachineRequest, DescribeStateMachineResponse>("DescribeStateMachine", request, cancellationToken);

    public Task<ListStateMachinesResponse> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListStateMachinesRequest, ListStateMachinesResponse>("ListStateMachines", request, cancellationToken);

    public Task<UpdateStateMachineResponse> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<UpdateStateMachineRequest, UpdateStateMachineResponse>("UpdateStateMachine", request, cancellationToken);

    public Task<DeleteStateMachineResponse> DeleteStateMachineAsync(DeleteStateMachineRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DeleteStateMachineRequest, DeleteStateMachineResponse>("DeleteStateMachine", request, cancellationToken);

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<StartExecutionRequest, StartExecutionResponse>("StartExecution", request, cancellationToken);

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeExecutionRequest, DescribeExecutionResponse>("DescribeExecution", request, cancellationToken);

    public Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListExecutionsRequest, ListExecutionsResponse>("ListExecutions", request, cancellationToken);

    public Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<GetExecutionHistoryRequest, GetExecutionHistoryResponse>("GetExecutionHistory", request, cancellationToken);

    public Task<StopExecutionResponse> StopExecutionAsync(StopExecutionRequest request, CancellationToken cancellationToken = default)
    {
        CallbackRequestChecks.Check(request);
        return InvokeAsync<StopExecutionRequest, StopExecutionResponse>("StopExecution", request, cancellationToken);
    }

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<RedriveExecutionRequest, RedriveExecutionResponse>("RedriveExecution", request, cancellationToken);

    public Task<SendTaskSuccessResponse> SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default)
    {
        CallbackRequestChecks.Check(request);
        return InvokeAsync<SendTaskSuccessRequest, SendTaskSuccessResponse>("SendTaskSuccess", request, cancellationToken);
    }

    public Task<SendTaskFailureResponse> SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default)
    {
        CallbackRequestChecks.Check(request);
        return InvokeAsync<SendTaskFailureRequest, SendTaskFailureResponse>("SendTaskFailure", request, cancellationToken);
    }

    public Task<SendTaskHeartbeatResponse> SendTaskHeartbeatAsync(SendTaskHeartbeatRequest request, CancellationToken cancellationToken = default)
    {
        CallbackRequestChecks.Check(request);
        return InvokeAsync<SendTaskHeartbeatRequest, SendTaskHeartbeatResponse>("SendTaskHeartbeat", request, cancellationToken);
    }

    public Task<ValidateStateMachineDefinitionResponse> ValidateStateMachineDefinitionAsync(
        ValidateStateMachineDefinitionRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ValidateStateMachineDefinitionRequest, ValidateStateMachineDefinitionResponse>("ValidateStateMachineDefinition", request, cancellationToken);

    public Task<ListMapRunsResponse> ListMapRunsAsync(ListMapRunsRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<ListMapRunsRequest, ListMapRunsResponse>("ListMapRuns", request, cancellationToken);

    public Task<DescribeMapRunResponse> DescribeMapRunAsync(DescribeMapRunRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<DescribeMapRunRequest, DescribeMapRunResponse>("DescribeMapRun", request, cancellationToken);

    public Task<UpdateMapRunResponse> UpdateMapRunAsync(UpdateMapRunRequest request, CancellationToken cancellationToken = default) =>
        InvokeAsync<UpdateMapRunRequest, UpdateMapRunResponse>("UpdateMapRun", request, cancellationToken);

    /// <summary>A client for the given endpoint settings and credentials, on its own HTTP connection pool.</summary>
    public static StepFunctionsClient Create(StepFunctionsClientOptions options, string region, AWSCredentials credentials, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var transport = new StepFunctionsTransport(
            http ?? new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, options, region, _ => credentials.GetCredentialsAsync());
        return new StepFunctionsClient(transport);
    }

    private async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = StepFunctionsJson.Serialize(request);
        var answer = await transport.SendAsync(operation, body, cancellationToken).ConfigureAwait(false);
        try
        {
            return StepFunctionsJson.Deserialize<TResponse>(answer);
        }
        catch (System.Text.Json.JsonException e)
        {
            // A proxy or a wrong ServiceUrl answering 200 with something else: say so instead of a bare parser error.
            throw new AmazonStepFunctionsException(
                $"The {operation} answer is not Step Functions JSON ({e.Message}); is StepFunctions:ServiceUrl a Step Functions endpoint?",
                e, ErrorType.Unknown, null, null, System.Net.HttpStatusCode.OK);
        }
    }
}
