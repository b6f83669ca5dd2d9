using Polly;
using Polly.Retry;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Review;

public enum DeliveryOutcome
{
    /// <summary>Step Functions accepted the decision and the task is DECIDED.</summary>
    Delivered,

    /// <summary>The token was closed (timed out, or completed elsewhere): the task is EXPIRED.</summary>
    TokenClosed,

    /// <summary>Step Functions could not be reached or kept throttling: the decision stays recorded (DECIDING) for the reconciler.</summary>
    StillPending,

    /// <summary>Step Functions refused the decision as malformed, or the deployment is misconfigured.</summary>
    Refused,
}

/// <summary>The result of delivering one recorded decision; <see cref="Detail"/> is safe to show (no tokens, no PHI).</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string Detail);

/// <summary>
/// Sends a decision already recorded in DECIDING to Step Functions (SendTaskSuccess or SendTaskFailure), retrying
/// throttling and outages with backoff, then moves the task to DECIDED, or to EXPIRED when the token is closed.
/// </summary>
public sealed class DecisionDelivery(IAmazonStepFunctions stepFunctions, IReviewTaskStore store, TimeProvider clock, ILogger<DecisionDelivery> logger)
{
    private readonly GateOutcome _gates = new(stepFunctions);

    private readonly ResiliencePipeline _retry = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => CallbackErrors.Classify(e) == CallbackErrorKind.Transient),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();

    public async Task<DeliveryResult> DeliverAsync(ReviewTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var decision = task.Decision ?? throw new InvalidOperationException($"Task {task.Id} has no recorded decision.");
        try
        {
            await _retry.ExecuteAsync(ct => SendAsync(task.TaskToken, decision, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException or TimeoutException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return await OnFailureAsync(task, e, cancellationToken).ConfigureAwait(false);
        }

        await store.CompleteDecisionAsync(task.Id, cancellationToken).ConfigureAwait(false);
        return new DeliveryResult(DeliveryOutcome.Delivered, "Step Functions accepted the decision.");
    }

    private async ValueTask SendAsync(string token, Decision decision, CancellationToken cancellationToken)
    {
        if (decision.Outcome == DecisionOutcome.Approved)
        {
            await stepFunctions.SendTaskSuccessAsync(
                new SendTaskSuccessRequest { TaskToken = token, Output = DecisionPayload.ApprovalOutput(decision) },
                cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var reason = decision.Reason ?? string.Empty;
            await stepFunctions.SendTaskFailureAsync(
                new SendTaskFailureRequest
                {
                    TaskToken = token,
                    Error = DecisionPayload.RejectionError,
                    Cause = reason.Length <= DecisionPayload.MaxCauseCharacters ? reason : reason[..DecisionPayload.MaxCauseCharacters],
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What the execution history says of a gate whose token answered "closed". Null when the history cannot be read
    /// now: nothing may be concluded from that, so the decision stays recorded for the reconciler.
    /// </summary>
    private async Task<GateOutcomeKind?> GateAfterClosedTokenAsync(ReviewTask task, CancellationToken cancellationToken)
    {
        try
        {
            return await _gates.FindAsync(task, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionDoesNotExistException)
        {
            return GateOutcomeKind.Closed; // deleted, or past Step Functions' retention: it will never take a decision
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or HttpRequestException or IOException)
        {
            return null;
        }
    }

    private async Task<DeliveryResult> OnFailureAsync(ReviewTask task, Exception error, CancellationToken cancellationToken)
    {
        var kind = CallbackErrors.Classify(error);
        var code = (error as Amazon.Runtime.AmazonServiceException)?.ErrorCode ?? error.GetType().Name;
        switch (kind)
        {
            case CallbackErrorKind.TokenClosed:
                switch (await GateAfterClosedTokenAsync(task, cancellationToken).ConfigureAwait(false))
                {
                    case GateOutcomeKind.Decided:
                        // A token used twice: this same decision was delivered first by another path (the request that
                        // recorded it, and the reconciler after a restart), so it is delivered, not expired (crash test).
                        await store.CompleteDecisionAsync(task.Id, cancellationToken).ConfigureAwait(false);
                        return new DeliveryResult(DeliveryOutcome.Delivered, "Step Functions accepted the decision.");
                    case GateOutcomeKind.Closed:
                        await store.MarkExpiredAsync(task.Id, code, cancellationToken).ConfigureAwait(false);
                        return new DeliveryResult(DeliveryOutcome.TokenClosed, "The workflow is no longer waiting for this decision (" + code + ").");
                    default:
                        // The token is spent but the history still shows the gate waiting: the callback that spent it
                        // is acknowledged and its TaskSucceeded/TaskFailed event not written yet (the engine settles
                        // the token durably before the resumed execution records the event; a SIGKILL between the
                        // two, or a second delivery racing the first, lands here). Only the history can tell our
                        // decision from a timeout, so the decision stays DECIDING until it does (crash drill).
                        logger.DeliveryPostponed(task.Id, code + " before the history shows the gate's end");
                        return new DeliveryResult(DeliveryOutcome.StillPending, "The workflow has not recorded the gate's end yet (" + code + ").");
                }

            case CallbackErrorKind.Transient:
                logger.DeliveryPostponed(task.Id, code);
                return new DeliveryResult(DeliveryOutcome.StillPending, "Step Functions is unavailable (" + code + ").");
            default:
                logger.DeliveryRefused(task.Id, code);
                return new DeliveryResult(DeliveryOutcome.Refused, "Step Functions refused the decision (" + code + ").");
        }
    }
}
