using ReviewerPortal.Audit;
using ReviewerPortal.Components;
using ReviewerPortal.Identity;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Operations;

/// <summary>What became of an operator's redrive: redriven (the execution runs again), or why not, in words for them.</summary>
public sealed record RedriveOutcome(bool Redriven, string Message);

/// <summary>
/// An operator's redrive of a failed, aborted or timed-out execution: the operator role is checked again at the moment
/// of the action (not only when the page rendered), the request goes to Step Functions, and the audit trail records who
/// redrove which execution and what came of it.
/// </summary>
public sealed class ExecutionRedrive(IAmazonStepFunctions stepFunctions, ActionAuthorization actions, IAuditTrail audit, TimeProvider time)
{
    public const string Redriven = "execution-redriven";
    public const string Refused = "execution-redrive-refused";

    public async Task<RedriveOutcome> RedriveAsync(string executionArn, CancellationToken cancellationToken = default)
    {
        Reviewer actor;
        try
        {
            actor = await actions.RequireAsync(PortalAction.RedriveExecution).ConfigureAwait(false);
        }
        catch (ActionDeniedException denied)
        {
            return new RedriveOutcome(false, denied.Message);
        }

        RedriveOutcome outcome;
        try
        {
            // One client token per click: a retried request is the same redrive, not a second one.
            var response = await stepFunctions.RedriveExecutionAsync(
                new RedriveExecutionRequest { ExecutionArn = executionArn, ClientToken = Guid.NewGuid().ToString("N") }, cancellationToken).ConfigureAwait(false);
            outcome = new RedriveOutcome(true, $"Redriven at {ClinicalTime.Seconds(response.RedriveDate)}: the execution runs again from the step that did not succeed.");
        }
        catch (AmazonStepFunctionsException e) when (e is ExecutionNotRedrivableException or ExecutionDoesNotExistException or ExecutionLimitExceededException)
        {
            outcome = new RedriveOutcome(false, "Not redriven: " + e.Message);
        }

        await audit.AppendAsync(
            new AuditEntry(executionArn, time.GetUtcNow(), actor.Id, actor.DisplayName, outcome.Redriven ? Redriven : Refused, outcome.Message),
            cancellationToken).ConfigureAwait(false);
        return outcome;
    }
}
