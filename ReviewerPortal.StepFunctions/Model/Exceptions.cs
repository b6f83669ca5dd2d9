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
}

/// <summary>Wire error code <c>ActivityDoesNotExist</c>.</summary>
public sealed class ActivityDoesNotExistException : AmazonStepFunctionsException
{
    public const string Code = "ActivityDoesNotExist";

    public ActivityDoesNotExistException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ActivityDoesNotExistException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ActivityLimitExceeded</c>.</summary>
public sealed class ActivityLimitExceededException : AmazonStepFunctionsException
{
    public const string Code = "ActivityLimitExceeded";

    public ActivityLimitExceededException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ActivityLimitExceededException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ConflictException</c>.</summary>
public sealed class ConflictException : AmazonStepFunctionsException
{
    public const string Code = "ConflictException";

    public ConflictException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ConflictException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ExecutionAlreadyExists</c>.</summary>
public sealed class ExecutionAlreadyExistsException : AmazonStepFunctionsException
{
    public const string Code = "ExecutionAlreadyExists";

    public ExecutionAlreadyExistsException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionAlreadyExistsException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ExecutionDoesNotExist</c>.</summary>
public sealed class ExecutionDoesNotExistException : AmazonStepFunctionsException
{
    public const string Code = "ExecutionDoesNotExist";

    public ExecutionDoesNotExistException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionDoesNotExistException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ExecutionLimitExceeded</c>.</summary>
public sealed class ExecutionLimitExceededException : AmazonStepFunctionsException
{
    public const string Code = "ExecutionLimitExceeded";

    public ExecutionLimitExceededException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionLimitExceededException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ExecutionNotRedrivable</c>.</summary>
public sealed class ExecutionNotRedrivableException : AmazonStepFunctionsException
{
    public const string Code = "ExecutionNotRedrivable";

    public ExecutionNotRedrivableException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionNotRedrivableException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidArn</c>.</summary>
public sealed class InvalidArnException : AmazonStepFunctionsException
{
    public const string Code = "InvalidArn";

    public InvalidArnException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidArnException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidDefinition</c>.</summary>
public sealed class InvalidDefinitionException : AmazonStepFunctionsException
{
    public const string Code = "InvalidDefinition";

    public InvalidDefinitionException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidDefinitionException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidExecutionInput</c>.</summary>
public sealed class InvalidExecutionInputException : AmazonStepFunctionsException
{
    public const string Code = "InvalidExecutionInput";

    public InvalidExecutionInputException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidExecutionInputException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidLoggingConfiguration</c>.</summary>
public sealed class InvalidLoggingConfigurationException : AmazonStepFunctionsException
{
    public const string Code = "InvalidLoggingConfiguration";

    public InvalidLoggingConfigurationException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidLoggingConfigurationException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidName</c>.</summary>
public sealed class InvalidNameException : AmazonStepFunctionsException
{
    public const string Code = "InvalidName";

    public InvalidNameException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidNameException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidOutput</c>.</summary>
public sealed class InvalidOutputException : AmazonStepFunctionsException
{
    public const string Code = "InvalidOutput";

    public InvalidOutputException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidOutputException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidToken</c>.</summary>
public sealed class InvalidTokenException : AmazonStepFunctionsException
{
    public const string Code = "InvalidToken";

    public InvalidTokenException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidTokenException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidTracingConfiguration</c>.</summary>
public sealed class InvalidTracingConfigurationException : AmazonStepFunctionsException
{
    public const string Code = "InvalidTracingConfiguration";

    public InvalidTracingConfigurationException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidTracingConfigurationException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>InvalidEncryptionConfiguration</c>.</summary>
public sealed class InvalidEncryptionConfigurationException : AmazonStepFunctionsException
{
    public const string Code = "InvalidEncryptionConfiguration";

    public InvalidEncryptionConfigurationException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidEncryptionConfigurationException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>KmsAccessDeniedException</c>.</summary>
public sealed class KmsAccessDeniedException : AmazonStepFunctionsException
{
    public const string Code = "KmsAccessDeniedException";

    public KmsAccessDeniedException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public KmsAccessDeniedException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>KmsInvalidStateException</c>.</summary>
public sealed class KmsInvalidStateException : AmazonStepFunctionsException
{
    public const string Code = "KmsInvalidStateException";

    public KmsInvalidStateException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public KmsInvalidStateException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>KmsThrottlingException</c>.</summary>
public sealed class KmsThrottlingException : AmazonStepFunctionsException
{
    public const string Code = "KmsThrottlingException";

    public KmsThrottlingException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public KmsThrottlingException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>MissingRequiredParameter</c>.</summary>
public sealed class MissingRequiredParameterException : AmazonStepFunctionsException
{
    public const string Code = "MissingRequiredParameter";

    public MissingRequiredParameterException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public MissingRequiredParameterException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ResourceNotFound</c>.</summary>
public sealed class ResourceNotFoundException : AmazonStepFunctionsException
{
    public const string Code = "ResourceNotFound";

    public ResourceNotFoundException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ResourceNotFoundException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ServiceQuotaExceededException</c>.</summary>
public sealed class ServiceQuotaExceededException : AmazonStepFunctionsException
{
    public const string Code = "ServiceQuotaExceededException";

    public ServiceQuotaExceededException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ServiceQuotaExceededException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>StateMachineAlreadyExists</c>.</summary>
public sealed class StateMachineAlreadyExistsException : AmazonStepFunctionsException
{
    public const string Code = "StateMachineAlreadyExists";

    public StateMachineAlreadyExistsException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public StateMachineAlreadyExistsException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>StateMachineDeleting</c>.</summary>
public sealed class StateMachineDeletingException : AmazonStepFunctionsException
{
    public const string Code = "StateMachineDeleting";

    public StateMachineDeletingException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public StateMachineDeletingException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>StateMachineDoesNotExist</c>.</summary>
public sealed class StateMachineDoesNotExistException : AmazonStepFunctionsException
{
    public const string Code = "StateMachineDoesNotExist";

    public StateMachineDoesNotExistException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public StateMachineDoesNotExistException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>StateMachineLimitExceeded</c>.</summary>
public sealed class StateMachineLimitExceededException : AmazonStepFunctionsException
{
    public const string Code = "StateMachineLimitExceeded";

    public StateMachineLimitExceededException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public StateMachineLimitExceededException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>StateMachineTypeNotSupported</c>.</summary>
public sealed class StateMachineTypeNotSupportedException : AmazonStepFunctionsException
{
    public const string Code = "StateMachineTypeNotSupported";

    public StateMachineTypeNotSupportedException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public StateMachineTypeNotSupportedException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>TaskDoesNotExist</c>.</summary>
public sealed class TaskDoesNotExistException : AmazonStepFunctionsException
{
    public const string Code = "TaskDoesNotExist";

    public TaskDoesNotExistException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public TaskDoesNotExistException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>TaskTimedOut</c>.</summary>
public sealed class TaskTimedOutException : AmazonStepFunctionsException
{
    public const string Code = "TaskTimedOut";

    public TaskTimedOutException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public TaskTimedOutException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>TooManyTags</c>.</summary>
public sealed class TooManyTagsException : AmazonStepFunctionsException
{
    public const string Code = "TooManyTags";

    public TooManyTagsException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public TooManyTagsException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}

/// <summary>Wire error code <c>ValidationException</c>.</summary>
public sealed class ValidationException : AmazonStepFunctionsException
{
    public const string Code = "ValidationException";

    public ValidationException(string message)
        : base(message, null, ErrorType.Sender, Code, null, HttpStatusCode.BadRequest)
    {
    }

    public ValidationException(string message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
