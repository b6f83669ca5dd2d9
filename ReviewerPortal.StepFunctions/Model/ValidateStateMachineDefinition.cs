namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Request of the <c>ValidateStateMachineDefinition</c> operation; shape and names as in AWSSDK.StepFunctions.</summary>
public sealed class ValidateStateMachineDefinitionRequest
{
    public string? Definition { get; set; }
    public StateMachineType? Type { get; set; }
    public string? Severity { get; set; }
    public int? MaxResults { get; set; }
}

/// <summary>Response of the <c>ValidateStateMachineDefinition</c> operation.</summary>
public sealed class ValidateStateMachineDefinitionResponse
{
    public string? Result { get; set; }
    public List<ValidateStateMachineDefinitionDiagnostic> Diagnostics { get; set; } = [];
    public bool? Truncated { get; set; }
}
