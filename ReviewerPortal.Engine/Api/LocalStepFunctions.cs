using ReviewerPortal.Engine.Parsing;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Api;

/// <summary>
/// The Step Functions API served in-process by the local engine, with the request, response and exception types of
/// AWSSDK.StepFunctions, so that callers (the portal, the HTTP endpoint) cannot tell it from the service.
/// This part: state machines and validation.
/// </summary>
internal sealed partial class LocalStepFunctions(ExecutionEngine engine) : IAmazonStepFunctions
{
    private IEngineStore Store => engine.Store;

    public async Task<CreateStateMachineResponse> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("name", request.Name).Required("definition", request.Definition).Required("roleArn", request.RoleArn)
            .Definition(request.Definition).MachineType(request.Type?.Value).ThrowIfAny();
        if (!ArnFormat.IsValidName(request.Name))
        {
            throw new InvalidNameException($"Invalid Name: '{request.Name}'");
        }

        CheckDefinition(request.Definition);
        var type = request.Type?.Value ?? StateMachineType.STANDARD.Value;
        var arn = engine.Arns.StateMachine(request.Name!);
        if (await Store.GetStateMachineAsync(arn) is { } existing)
        {
            // Creating the same state machine again is idempotent; a different one under the same name is not.
            return existing.Definition == request.Definition && existing.RoleArn == request.RoleArn && existing.Type == type
                ? new CreateStateMachineResponse { StateMachineArn = arn, CreationDate = existing.CreationDate }
                : throw new StateMachineAlreadyExistsException($"State Machine Already Exists: '{arn}'");
        }

        var record = new StateMachineRecord(arn, request.Name!, request.Definition!, request.RoleArn, type, engine.Time.GetUtcNow().UtcDateTime);
        await Store.SaveStateMachineAsync(record);
        return new CreateStateMachineResponse { StateMachineArn = arn, CreationDate = record.CreationDate };
    }

    public async Task<DescribeStateMachineResponse> DescribeStateMachineAsync(DescribeStateMachineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var machine = await FindStateMachineAsync(request.StateMachineArn);
        return new DescribeStateMachineResponse
        {
            StateMachineArn = machine.Arn,
            Name = machine.Name,
            Status = StateMachineStatus.ACTIVE,
            Definition = machine.Definition,
            RoleArn = machine.RoleArn,
            Type = new StateMachineType(machine.Type),
            CreationDate = machine.CreationDate,
        };
    }

    public async Task<ListStateMachinesResponse> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().MaxResults(request.MaxResults).ThrowIfAny();
        var (page, next) = Paging.Page(await Store.ListStateMachinesAsync(), request.MaxResults, request.NextToken);
        return new ListStateMachinesResponse
        {
            StateMachines = [.. page.Select(m => new StateMachineListItem { StateMachineArn = m.Arn, Name = m.Name, Type = new StateMachineType(m.Type), CreationDate = m.CreationDate })],
            NextToken = next,
        };
    }

    public async Task<UpdateStateMachineResponse> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("stateMachineArn", request.StateMachineArn).Definition(request.Definition).ThrowIfAny();
        var machine = await FindStateMachineAsync(request.StateMachineArn);
        if (request.Definition is null && request.RoleArn is null)
        {
            throw new MissingRequiredParameterException("Either the definition or the roleArn must be specified.");
        }

        if (request.Definition is not null)
        {
            CheckDefinition(request.Definition);
        }

        // Running executions keep the definition they started with, as in AWS.
        var updated = machine with
        {
            Definition = request.Definition ?? machine.Definition,
            RoleArn = request.RoleArn ?? machine.RoleArn,
            UpdateDate = engine.Time.GetUtcNow().UtcDateTime,
            RevisionId = Guid.NewGuid().ToString(),
        };
        await Store.SaveStateMachineAsync(updated);
        return new UpdateStateMachineResponse { UpdateDate = updated.UpdateDate!.Value, RevisionId = updated.RevisionId };
    }

    public async Task<DeleteStateMachineResponse> DeleteStateMachineAsync(DeleteStateMachineRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CheckArn(request.StateMachineArn, "stateMachine");
        await Store.DeleteStateMachineAsync(request.StateMachineArn!);
        return new DeleteStateMachineResponse();
    }

    public Task<ValidateStateMachineDefinitionResponse> ValidateStateMachineDefinitionAsync(ValidateStateMachineDefinitionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        new RequestChecks().Required("definition", request.Definition).Definition(request.Definition).MaxResults(request.MaxResults).ThrowIfAny();
        var result = DefinitionParser.Parse(request.Definition);
        var wanted = result.Diagnostics
            .Where(d => request.Severity != AslDiagnostic.Error || d.Severity == AslDiagnostic.Error)
            .Select(d => new ValidateStateMachineDefinitionDiagnostic { Severity = d.Severity, Code = d.Code, Message = d.Message, Location = d.Location })
            .ToList();
        var max = request.MaxResults is > 0 ? request.MaxResults.Value : 100;
        return Task.FromResult(new ValidateStateMachineDefinitionResponse
        {
            Result = result.IsValid ? "OK" : "FAIL",
            Diagnostics = [.. wanted.Take(max)],
            Truncated = wanted.Count > max,
        });
    }

    private static void CheckDefinition(string? definition)
    {
        var result = DefinitionParser.Parse(definition);
        if (!result.IsValid)
        {
            throw new InvalidDefinitionException("Invalid State Machine Definition: '" + string.Join("; ", result.Errors) + "'");
        }
    }

    private static void CheckArn(string? arn, string resourceType)
    {
        if (!ArnFormat.LooksLikeArn(arn, resourceType))
        {
            throw new InvalidArnException($"Invalid Arn: '{arn}'");
        }
    }

    private async Task<StateMachineRecord> FindStateMachineAsync(string? arn)
    {
        CheckArn(arn, "stateMachine");
        return await Store.GetStateMachineAsync(arn!) ?? throw new StateMachineDoesNotExistException($"State Machine Does Not Exist: '{arn}'");
    }
}
