using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.StepFunctions;

/// <summary>Turns an error answer of the JSON 1.0 protocol (<c>{"__type","message"}</c>) into the exception type of its code.</summary>
public static class StepFunctionsErrors
{
    private static readonly Dictionary<string, Func<string, AmazonStepFunctionsException>> Factories = new(StringComparer.Ordinal)
    {
        [ActivityDoesNotExistException.Code] = m => new ActivityDoesNotExistException(m),
        [ActivityLimitExceededException.Code] = m => new ActivityLimitExceededException(m),
        [ConflictException.Code] = m => new ConflictException(m),
        [ExecutionAlreadyExistsException.Code] = m => new ExecutionAlreadyExistsException(m),
        [ExecutionDoesNotExistException.Code] = m => new ExecutionDoesNotExistException(m),
        [ExecutionLimitExceededException.Code] = m => new ExecutionLimitExceededException(m),
        [ExecutionNotRedrivableException.Code] = m => new ExecutionNotRedrivableException(m),
        [InvalidArnException.Code] = m => new InvalidArnException(m),
        [InvalidDefinitionException.Code] = m => new InvalidDefinitionException(m),
        [InvalidExecutionInputException.Code] = m => new InvalidExecutionInputException(m),
        [InvalidLoggingConfigurationException.Code] = m => new InvalidLoggingConfigurationException(m),
        [InvalidNameException.Code] = m => new InvalidNameException(m),
        [InvalidOutputException.Code] = m => new InvalidOutputException(m),
        [InvalidTokenException.Code] = m => new InvalidTokenException(m),
        [InvalidTracingConfigurationException.Code] = m => new InvalidTracingConfigurationException(m),
        [InvalidEncryptionConfigurationException.Code] = m => new InvalidEncryptionConfigurationException(m),
        [KmsAccessDeniedException.Code] = m => new KmsAccessDeniedException(m),
        [KmsInvalidStateException.Code] = m => new KmsInvalidStateException(m),
        [KmsThrottlingException.Code] = m => new KmsThrottlingException(m),
        [MissingRequiredParameterException.Code] = m => new MissingRequiredParameterException(m),
        [ResourceNotFoundException.Code] = m => new ResourceNotFoundException(m),
        [ServiceQuotaExceededException.Code] = m => new ServiceQuotaExceededException(m),
        [StateMachineAlreadyExistsException.Code] = m => new StateMachineAlreadyExistsException(m),
        [StateMachineDeletingException.Code] = m => new StateMachineDeletingException(m),
        [StateMachineDoesNotExistException.Code] = m => new StateMachineDoesNotExistException(m),
        [StateMachineLimitExceededException.Code] = m => new StateMachineLimitExceededException(m),
        [StateMachineTypeNotSupportedException.Code] = m => new StateMachineTypeNotSupportedException(m),
        [TaskDoesNotExistException.Code] = m => new TaskDoesNotExistException(m),
        [TaskTimedOutException.Code] = m => new TaskTimedOutException(m),
        [TooManyTagsException.Code] = m => new TooManyTagsException(m),
        [ValidationException.Code] = m => new ValidationException(m),
    };

    /// <summary>Error codes of the API that have their own exception type.</summary>
    public static IReadOnlyCollection<string> KnownCodes => Factories.Keys;

    /// <summary>
    /// The exception for an error answer. Unknown codes (<c>ThrottlingException</c>, <c>AccessDeniedException</c>, …)
    /// become <see cref="AmazonStepFunctionsException"/> carrying the code, as AWSSDK.StepFunctions does.
    /// </summary>
    public static AmazonStepFunctionsException FromResponse(HttpStatusCode status, ReadOnlySpan<byte> body, string? requestId)
    {
        var (code, message) = ReadErrorBody(body);
        code ??= status.ToString();
        message ??= $"Step Functions answered {(int)status} {status} without an error message.";
        var type = (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        if (!Factories.TryGetValue(code, out var create))
        {
            return new AmazonStepFunctionsException(message, null, type, code, requestId, status);
        }

        var known = create(message);
        known.ErrorType = type;
        known.RequestId = requestId;
        known.StatusCode = status;
        return known;
    }

    /// <summary>The error code of an answer: <c>__type</c> without any <c>namespace#</c> prefix or <c>:detail</c> suffix.</summary>
    public static (string? Code, string? Message) ReadErrorBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body.ToArray());
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            string? code = null, message = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (property.NameEquals("__type") || property.NameEquals("code"))
                {
                    code ??= NormalizeCode(property.Value.GetString()!);
                }
                else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                {
                    message ??= property.Value.GetString();
                }
            }

            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string NormalizeCode(string raw)
    {
        var code = raw[(raw.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? code[..colon] : code;
    }
}
