using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Audit;
using ReviewerPortal.Identity;
using ReviewerPortal.Operations;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Identity;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests.Operations;

/// <summary>The redrive action checks the circuit's user when it runs, not when the page rendered.</summary>
[Trait("Category", "Slow")]
public class ExecutionRedriveTests
{
    [Fact]
    public async Task A_user_who_lost_the_operator_role_after_the_page_rendered_is_refused_and_nothing_is_redriven()
    {
        await using var app = new IdentityTestApp();
        var stepFunctions = app.GetRequiredService<IAmazonStepFunctions>();
        var machine = await stepFunctions.CreateStateMachineAsync(new CreateStateMachineRequest
        {
            Name = "always-fails", RoleArn = LocalWorkflows.LocalRoleArn, Definition = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Broken"}}}""",
        });
        var arn = (await stepFunctions.StartExecutionAsync(new StartExecutionRequest { StateMachineArn = machine.StateMachineArn })).ExecutionArn!;
        await LoopWaits.UntilAsync(
            async () => (await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn })).Status == ExecutionStatus.FAILED,
            "the execution to fail", TimeSpan.FromSeconds(30));
        await using var scope = app.AppServices.CreateAsyncScope();
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(
            PortalClaims.CreatePrincipal("ops", null, "Olu Operator", [PortalRoles.Clinician], "persona", DateTimeOffset.UtcNow))));

        var outcome = await scope.ServiceProvider.GetRequiredService<ExecutionRedrive>().RedriveAsync(arn);

        outcome.Redriven.Should().BeFalse();
        outcome.Message.Should().Be("Your role does not allow this (redriving a workflow execution).");
        (await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = arn })).RedriveCount.Should().Be(0);
        (await app.GetRequiredService<IAuditTrail>().ListForTaskAsync(arn)).Should().BeEmpty();
    }
}
