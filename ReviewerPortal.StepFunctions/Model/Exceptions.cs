using System.Net;
using Amazon.Runtime;

namespace ReviewerPortal.StepFunctions.Model;

/// <summary>Base of every Step Functions service error, as AmazonStepFunctionsException in AWSSDK.StepFunctions.</summary>
public class AmazonStepFunctionsException : AmazonServiceException
{
    public AmazonStepFunctionsException(string message)
        : base(message)
    {
    }

    public AmazonStepFunctionsException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }

    /// <summary>
    /// An error with its own type: the type carries its wire code (<c>__type</c>). Thrown by the engine it is the
    /// caller's mistake (400, Sender), as AWS answers every one of them; the client overwrites status, error type and
    /// request id with what the answer said (<see cref="StepFunctionsErrors"/>).
    /// </summary>
    protected AmazonStepFunctionsException(string message, string code)
        : this(message, null, ErrorType.Sender, code, null, HttpStatusCode.BadRequest)
    {
    }
}

// One type per error code of the Step Functions API, with AWSSDK.StepFunctions' names; Code is the wire code.

public sealed class ActivityDoesNotExistException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ActivityDoesNotExist";
}

public sealed class ActivityLimitExceededException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ActivityLimitExceeded";
}

public sealed class ConflictException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ConflictException";
}

public sealed class ExecutionAlreadyExistsException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ExecutionAlreadyExists";
}

public sealed class ExecutionDoesNotExistException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ExecutionDoesNotExist";
}

public sealed class ExecutionLimitExceededException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ExecutionLimitExceeded";
}

public sealed class ExecutionNotRedrivableException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ExecutionNotRedrivable";
}

public sealed class InvalidArnException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidArn";
}

public sealed class InvalidDefinitionException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidDefinition";
}

public sealed class InvalidExecutionInputException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidExecutionInput";
}

public sealed class InvalidLoggingConfigurationException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidLoggingConfiguration";
}

public sealed class InvalidNameException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidName";
}

public sealed class InvalidOutputException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidOutput";
}

public sealed class InvalidTokenException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidToken";
}

public sealed class InvalidTracingConfigurationException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidTracingConfiguration";
}

public sealed class InvalidEncryptionConfigurationException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "InvalidEncryptionConfiguration";
}

public sealed class KmsAccessDeniedException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "KmsAccessDeniedException";
}

public sealed class KmsInvalidStateException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "KmsInvalidStateException";
}

public sealed class KmsThrottlingException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "KmsThrottlingException";
}

public sealed class MissingRequiredParameterException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "MissingRequiredParameter";
}

public sealed class ResourceNotFoundException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ResourceNotFound";
}

public sealed class ServiceQuotaExceededException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ServiceQuotaExceededException";
}

public sealed class StateMachineAlreadyExistsException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "StateMachineAlreadyExists";
}

public sealed class StateMachineDeletingException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "StateMachineDeleting";
}

public sealed class StateMachineDoesNotExistException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "StateMachineDoesNotExist";
}

public sealed class StateMachineLimitExceededException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "StateMachineLimitExceeded";
}

public sealed class StateMachineTypeNotSupportedException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "StateMachineTypeNotSupported";
}

public sealed class TaskDoesNotExistException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "TaskDoesNotExist";
}

public sealed class TaskTimedOutException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "TaskTimedOut";
}

public sealed class TooManyTagsException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "TooManyTags";
}

public sealed class ValidationException(string message) : AmazonStepFunctionsException(message, Code)
{
    public const string Code = "ValidationException";
}
