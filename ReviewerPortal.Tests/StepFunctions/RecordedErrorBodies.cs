namespace ReviewerPortal.Tests.StepFunctions;

/// <summary>
/// Error answers of the Step Functions JSON 1.0 API as AWS writes them: status 400, <c>__type</c> in the service's
/// namespace (<c>com.amazonaws.swf.service.v2.model#</c>), Coral's for model validation and throttling.
/// </summary>
public static class RecordedErrorBodies
{
    private const string Service = "com.amazonaws.swf.service.v2.model#";

    /// <summary>Code, the body AWS sends, and the exception type our client must throw.</summary>
    public static TheoryData<string, string, Type> ServiceErrors { get; } = new()
    {
        { "ActivityDoesNotExist", Body(Service + "ActivityDoesNotExist", "Activity Does Not Exist: 'arn:aws:states:eu-west-1:123456789012:activity:x'"), typeof(ReviewerPortal.StepFunctions.Model.ActivityDoesNotExistException) },
        { "ActivityLimitExceeded", Body(Service + "ActivityLimitExceeded", "Activity limit exceeded"), typeof(ReviewerPortal.StepFunctions.Model.ActivityLimitExceededException) },
        { "ConflictException", Body(Service + "ConflictException", "Version or alias is being updated"), typeof(ReviewerPortal.StepFunctions.Model.ConflictException) },
        { "ExecutionAlreadyExists", Body(Service + "ExecutionAlreadyExists", "Execution Already Exists: 'arn:aws:states:eu-west-1:123456789012:execution:review:case-1'"), typeof(ReviewerPortal.StepFunctions.Model.ExecutionAlreadyExistsException) },
        { "ExecutionDoesNotExist", Body(Service + "ExecutionDoesNotExist", "Execution Does Not Exist: 'arn:aws:states:eu-west-1:123456789012:execution:review:nope'"), typeof(ReviewerPortal.StepFunctions.Model.ExecutionDoesNotExistException) },
        { "ExecutionLimitExceeded", Body(Service + "ExecutionLimitExceeded", "Execution limit exceeded"), typeof(ReviewerPortal.StepFunctions.Model.ExecutionLimitExceededException) },
        { "ExecutionNotRedrivable", Body(Service + "ExecutionNotRedrivable", "Execution is RUNNING and cannot be redriven"), typeof(ReviewerPortal.StepFunctions.Model.ExecutionNotRedrivableException) },
        { "InvalidArn", Body(Service + "InvalidArn", "Invalid Arn: 'Resource type not valid in this context: stateMachine'"), typeof(ReviewerPortal.StepFunctions.Model.InvalidArnException) },
        { "InvalidDefinition", Body(Service + "InvalidDefinition", "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Publish at /States/Review/Next'"), typeof(ReviewerPortal.StepFunctions.Model.InvalidDefinitionException) },
        { "InvalidExecutionInput", Body(Service + "InvalidExecutionInput", "Invalid execution input: Unexpected character ('}' (code 125))"), typeof(ReviewerPortal.StepFunctions.Model.InvalidExecutionInputException) },
        { "InvalidLoggingConfiguration", Body(Service + "InvalidLoggingConfiguration", "Invalid Logging Configuration: Log destination is not specified"), typeof(ReviewerPortal.StepFunctions.Model.InvalidLoggingConfigurationException) },
        { "InvalidName", Body(Service + "InvalidName", "Invalid Name: 'case 1?'"), typeof(ReviewerPortal.StepFunctions.Model.InvalidNameException) },
        { "InvalidOutput", Body(Service + "InvalidOutput", "Invalid Output: 'Unexpected end-of-input: expected close marker for Object'"), typeof(ReviewerPortal.StepFunctions.Model.InvalidOutputException) },
        { "InvalidToken", Body(Service + "InvalidToken", "Invalid Token: 'Invalid token'"), typeof(ReviewerPortal.StepFunctions.Model.InvalidTokenException) },
        { "InvalidTracingConfiguration", Body(Service + "InvalidTracingConfiguration", "Invalid Tracing Configuration"), typeof(ReviewerPortal.StepFunctions.Model.InvalidTracingConfigurationException) },
        { "InvalidEncryptionConfiguration", Body(Service + "InvalidEncryptionConfiguration", "Invalid Encryption Configuration: kmsKeyId is required"), typeof(ReviewerPortal.StepFunctions.Model.InvalidEncryptionConfigurationException) },
        { "KmsAccessDeniedException", Body(Service + "KmsAccessDeniedException", "Step Functions is not authorized to use the KMS key"), typeof(ReviewerPortal.StepFunctions.Model.KmsAccessDeniedException) },
        { "KmsInvalidStateException", Body(Service + "KmsInvalidStateException", "The KMS key is disabled"), typeof(ReviewerPortal.StepFunctions.Model.KmsInvalidStateException) },
        { "MissingRequiredParameter", Body(Service + "MissingRequiredParameter", "Missing Required Parameter: 'taskToken'"), typeof(ReviewerPortal.StepFunctions.Model.MissingRequiredParameterException) },
        { "ResourceNotFound", Body(Service + "ResourceNotFound", "Resource not found: 'arn:aws:states:eu-west-1:123456789012:mapRun:review/x:y'"), typeof(ReviewerPortal.StepFunctions.Model.ResourceNotFoundException) },
        { "ServiceQuotaExceededException", Body(Service + "ServiceQuotaExceededException", "Maximum number of versions reached"), typeof(ReviewerPortal.StepFunctions.Model.ServiceQuotaExceededException) },
        { "StateMachineAlreadyExists", Body(Service + "StateMachineAlreadyExists", "State Machine Already Exists: 'arn:aws:states:eu-west-1:123456789012:stateMachine:review'"), typeof(ReviewerPortal.StepFunctions.Model.StateMachineAlreadyExistsException) },
        { "StateMachineDeleting", Body(Service + "StateMachineDeleting", "State Machine is being deleted: 'arn:aws:states:eu-west-1:123456789012:stateMachine:review'"), typeof(ReviewerPortal.StepFunctions.Model.StateMachineDeletingException) },
        { "StateMachineDoesNotExist", Body(Service + "StateMachineDoesNotExist", "State Machine Does Not Exist: 'arn:aws:states:eu-west-1:123456789012:stateMachine:nope'"), typeof(ReviewerPortal.StepFunctions.Model.StateMachineDoesNotExistException) },
        { "StateMachineLimitExceeded", Body(Service + "StateMachineLimitExceeded", "State machine limit exceeded"), typeof(ReviewerPortal.StepFunctions.Model.StateMachineLimitExceededException) },
        { "StateMachineTypeNotSupported", Body(Service + "StateMachineTypeNotSupported", "This operation is not supported by this type of state machine"), typeof(ReviewerPortal.StepFunctions.Model.StateMachineTypeNotSupportedException) },
        { "TaskDoesNotExist", Body(Service + "TaskDoesNotExist", "Task Does Not Exist: 'Provided task does not exist anymore'"), typeof(ReviewerPortal.StepFunctions.Model.TaskDoesNotExistException) },
        { "TaskTimedOut", Body(Service + "TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'"), typeof(ReviewerPortal.StepFunctions.Model.TaskTimedOutException) },
        { "TooManyTags", Body(Service + "TooManyTags", "Too many tags: 51"), typeof(ReviewerPortal.StepFunctions.Model.TooManyTagsException) },
        { "ValidationException", Body("com.amazon.coral.validate#ValidationException", "1 validation error detected: Value at 'error' failed to satisfy constraint: Member must have length less than or equal to 256"), typeof(ReviewerPortal.StepFunctions.Model.ValidationException) },
    };

    public static string Body(string type, string message) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message });
}
