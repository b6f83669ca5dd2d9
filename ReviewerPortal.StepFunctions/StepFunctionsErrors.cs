using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.StepFunctions;

/// <summary>Turns an error answer of the JSON 1.0 protocol (<c>{"__type","message"}</c>) into the exception type of its code.</summary>
public static class StepFunctionsErrors
{
    private delegate AmazonStepFunctionsException Factory(string message, ErrorType type, string code, string? requestId, HttpStatusCode status);

    private static readonly Dictionary<string, Factory> Factories = new(StringComparer.Ordinal)
    {
        [ActivityDoesNotExistException.Code] = (m, t, c, r, s) => new ActivityDoesNotExistException(m, null, t, c, r, s),
        [ActivityLimitExceededException.Code] = (m, t, c, r, s) => new ActivityLimitExceededException(m, null, t, c, r, s),
        [ConflictException.Code] = (m, t, c, r, s) => new ConflictException(m, null, t, c, r, s),
        [ExecutionAlreadyExistsException.Code] = (m, t, c, r, s) => new ExecutionAlreadyExistsException(m, null, t, c, r, s),
        [ExecutionDoesNotExistException.Code] = (m, t, c, r, s) => new ExecutionDoesNotExistException(m, null, t, c, r, s),
        [ExecutionLimitExceededException.Code] = (m, t, c, r, s) => new ExecutionLimitExceededException(m, null, t, c, r, s),
        [ExecutionNotRedrivableException.Code] = (m, t, c, r, s) => new ExecutionNotRedrivableException(m, null, t, c, r, s),
        [InvalidArnException.Code] = (m, t, c, r, s) => new InvalidArnException(m, null, t, c, r, s),
        [InvalidDefinitionException.Code] = (m, t, c, r, s) => new InvalidDefinitionException(m, null, t, c, r, s),
        [InvalidExecutionInputException.Code] = (m, t, c, r, s) => new InvalidExecutionInputException(m, null, t, c, r, s),
        [InvalidLoggingConfigurationException.Code] = (m, t, c, r, s) => new InvalidLoggingConfigurationException(m, null, t, c, r, s),
        [InvalidNameException.Code] = (m, t, c, r, s) => new InvalidNameException(m, null, t, c, r, s),
        [InvalidOutputException.Code] = (m, t, c, r, s) => new InvalidOutputException(m, null, t, c, r, s),
        [InvalidTokenException.Code] = (m, t, c, r, s) => new InvalidTokenException(m, null, t, c, r, s),
        [InvalidTracingConfigurationException.Code] = (m, t, c, r, s) => new InvalidTracingConfigurationException(m, null, t, c, r, s),
        [InvalidEncryptionConfigurationException.Code] = (m, t, c, r, s) => new InvalidEncryptionConfigurationException(m, null, t, c, r, s),
        [KmsAccessDeniedException.Code] = (m, t, c, r, s) => new KmsAccessDeniedException(m, null, t, c, r, s),
        [KmsInvalidStateException.Code] = (m, t, c, r, s) => new KmsInvalidStateException(m, null, t, c, r, s),
        [KmsThrottlingException.Code] = (m, t, c, r, s) => new KmsThrottlingException(m, null, t, c, r, s),
        [MissingRequiredParameterException.Code] = (m, t, c, r, s) => new MissingRequiredParameterException(m, null, t, c, r, s),
        [ResourceNotFoundException.Code] = (m, t, c, r, s) => new ResourceNotFoundException(m, null, t, c, r, s),
        [ServiceQuotaExceededException.Code] = (m, t, c, r, s) => new ServiceQuotaExceededException(m, null, t, c, r, s),
        [StateMachineAlreadyExistsException.Code] = (m, t, c, r, s) => new StateMachineAlreadyExistsException(m, null, t, c, r, s),
        [StateMachineDeletingException.Code] = (m, t, c, r, s) => new StateMachineDeletingException(m, null, t, c, r, s),
        [StateMachineDoesNotExistException.Code] = (m, t, c, r, s) => new StateMachineDoesNotExistException(m, null, t, c, r, s),
        [StateMachineLimitExceededException.Code] = (m, t, c, r, s) => new StateMachineLimitExceededException(m, null, t, c, r, s),
        [StateMachineTypeNotSupportedException.Code] = (m, t, c, r, s) => new StateMachineTypeNotSupportedException(m, null, t, c, r, s),
        [TaskDoesNotExistException.Code] = (m, t, c, r, s) => new TaskDoesNotExistException(m, null, t, c, r, s),
        [TaskTimedOutException.Code] = (m, t, c, r, s) => new TaskTimedOutException(m, null, t, c, r, s),
        [TooManyTagsException.Code] = (m, t, c, r, s) => new TooManyTagsException(m, null, t, c, r, s),
        [ValidationException.Code] = (m, t, c, r, s) => new ValidationException(m, null, t, c, r, s),
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
        return Factories.TryGetValue(code, out var create)
            ? create(message, type, code, requestId, status)
            : new AmazonStepFunctionsException(message, null, type, code, requestId, status);
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
