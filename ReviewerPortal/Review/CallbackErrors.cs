using System.Net;
using Amazon.Runtime;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Review;

/// <summary>What a failed SendTask* call means for the task (docs/contract.md, "Errors on callbacks").</summary>
public enum CallbackErrorKind
{
    /// <summary>TaskTimedOut, TaskDoesNotExist, InvalidToken: the task is closed for good.</summary>
    TokenClosed,

    /// <summary>Throttling, KMS throttling, 5xx, network: try again with backoff.</summary>
    Transient,

    /// <summary>InvalidOutput and other client errors: a bug to surface.</summary>
    Bug,

    /// <summary>KMS access denied or invalid key state: the deployment is misconfigured.</summary>
    Configuration,
}

public static class CallbackErrors
{
    public static CallbackErrorKind Classify(Exception exception) => exception switch
    {
        TaskTimedOutException or TaskDoesNotExistException or InvalidTokenException => CallbackErrorKind.TokenClosed,
        KmsThrottlingException => CallbackErrorKind.Transient,
        KmsAccessDeniedException or KmsInvalidStateException => CallbackErrorKind.Configuration,
        AmazonServiceException { ErrorCode: "ThrottlingException" or "TooManyRequestsException" or "RequestLimitExceeded" } => CallbackErrorKind.Transient,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => CallbackErrorKind.Transient,
        AmazonServiceException { ErrorType: ErrorType.Receiver } => CallbackErrorKind.Transient,
        HttpRequestException or IOException or TimeoutException => CallbackErrorKind.Transient,
        TaskCanceledException => CallbackErrorKind.Transient,
        _ => CallbackErrorKind.Bug,
    };
}
