using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Api;

/// <summary>Executions: start, describe, list, history, stop, and the callbacks of paused tasks.</summary>
internal sealed partial class LocalStepFunctions
{
    public async Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("stateMachineArn", request.StateMachineArn).ThrowIfAny();
        var machine = await FindStateMachineAsync(request.StateMachineArn);
        var record = await engine.StartAsync(machine, request.Name, request.Input);
        return new StartExecutionResponse { ExecutionArn = record.Arn, StartDate = record.StartDate };
    }

    public async Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("executionArn", request.ExecutionArn).ThrowIfAny();
        var e = await FindExecutionAsync(request.ExecutionArn);
        var described = new DescribeExecutionResponse
        {
            ExecutionArn = e.Arn,
            StateMachineArn = e.StateMachineArn,
            Name = e.Name,
            Status = new ExecutionStatus(e.Status),
            StartDate = e.StartDate,
            StopDate = e.StopDate,
            Input = e.Input,
            Output = e.Output,
            Error = e.Error,
            Cause = e.Cause,
            MapRunArn = e.MapRunArn,
        };
        await DescribeRedriveAsync(e, described);
        return described;
    }

    public async Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().StatusFilter(request.StatusFilter?.Value).MaxResults(request.MaxResults).ThrowIfAny();
        if (request.MapRunArn is not null)
        {
            return await ListMapRunExecutionsAsync(request);
        }

        var machine = await FindStateMachineAsync(request.StateMachineArn);
        var all = Redriven(await Store.ListExecutionsAsync(machine.Arn, request.StatusFilter?.Value), request.RedriveFilter);
        var (page, next) = Paging.Page(all, request.MaxResults, request.NextToken);
        return new ListExecutionsResponse
        {
            Executions = [.. page.Select(e => new ExecutionListItem
            {
                ExecutionArn = e.Arn, StateMachineArn = e.StateMachineArn, Name = e.Name, Status = new ExecutionStatus(e.Status),
                StartDate = e.StartDate, StopDate = e.StopDate, RedriveCount = e.RedriveCount, RedriveDate = e.RedriveDate,
            })],
            NextToken = next,
        };
    }

    public async Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("executionArn", request.ExecutionArn).MaxResults(request.MaxResults).ThrowIfAny();
        var execution = await FindExecutionAsync(request.ExecutionArn);
        IEnumerable<HistoryEvent> events = (await Store.ReadHistoryAsync(execution.Arn)).Select(r => r.Event);
        if (request.ReverseOrder == true)
        {
            events = events.Reverse();
        }

        var (page, next) = Paging.Page(events.ToList(), request.MaxResults, request.NextToken);
        return new GetExecutionHistoryResponse
        {
            Events = request.IncludeExecutionData == false ? [.. page.Select(HistoryData.WithoutData)] : [.. page],
            NextToken = next,
        };
    }

    public async Task<StopExecutionResponse> StopExecutionAsync(StopExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("executionArn", request.ExecutionArn).ThrowIfAny();
        var execution = await FindExecutionAsync(request.ExecutionArn);
        var stopped = await engine.StopAsync(execution, request.Error, request.Cause);
        return new StopExecutionResponse { StopDate = stopped.StopDate ?? engine.Time.GetUtcNow().UtcDateTime };
    }

    public async Task<SendTaskSuccessResponse> SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("taskToken", request.TaskToken).Required("output", request.Output).ThrowIfAny();
        // The service checks the field's length constraint before it reads the JSON, and answers a ValidationException
        // for it, as our client's own check before sending does.
        if (request.Output is not null && System.Text.Encoding.UTF8.GetByteCount(request.Output) > Payloads.MaxBytes)
        {
            throw new ValidationException(
                $"1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to {Payloads.MaxBytes}");
        }

        if (!Payloads.TryParse(request.Output, out _))
        {
            throw new InvalidOutputException("Invalid Output: the output is not valid JSON.");
        }

        await engine.Tokens.SettleAsync(request.TaskToken, new CallbackOutcome(CallbackResult.Succeeded, Output: request.Output));
        return new SendTaskSuccessResponse();
    }

    public async Task<SendTaskFailureResponse> SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("taskToken", request.TaskToken).ThrowIfAny();
        if (request.Error is { Length: > 256 } || request.Cause is { Length: > 32768 })
        {
            throw new ValidationException("The error may have at most 256 characters and the cause at most 32,768.");
        }

        await engine.Tokens.SettleAsync(request.TaskToken, new CallbackOutcome(CallbackResult.Failed, Error: request.Error ?? string.Empty, Cause: request.Cause ?? string.Empty));
        return new SendTaskFailureResponse();
    }

    public async Task<SendTaskHeartbeatResponse> SendTaskHeartbeatAsync(SendTaskHeartbeatRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("taskToken", request.TaskToken).ThrowIfAny();
        await engine.Tokens.HeartbeatAsync(request.TaskToken);
        return new SendTaskHeartbeatResponse();
    }

    private async Task<ExecutionRecord> FindExecutionAsync(string? arn)
    {
        CheckArn(arn, "execution");
        return await Store.GetExecutionAsync(arn!) ?? throw new ExecutionDoesNotExistException($"Execution Does Not Exist: '{arn}'");
    }
}
