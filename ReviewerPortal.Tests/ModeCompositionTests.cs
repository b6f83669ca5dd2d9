using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ReviewerPortal.Demo;
using ReviewerPortal.Engine.Resources;
using ReviewerPortal.Engine.Runtime;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow;
using ReviewerPortal.Workflow.LocalResources;

namespace ReviewerPortal.Tests;

/// <summary>
/// <see cref="LocalMode"/> and <see cref="AwsMode"/> each wire their own side, and nothing of the other: the local engine,
/// its handlers and the demo cases run only in Local mode; Aws mode has the HTTP client and a demo service that offers nothing.
/// </summary>
public class ModeCompositionTests
{
    [Fact]
    public async Task Local_mode_runs_the_engine_with_its_handlers_and_a_demo_case_reaches_the_urgent_queue()
    {
        await using var app = new PortalApp();

        app.GetRequiredService<IAmazonStepFunctions>().Should().BeOfType<ReviewerPortal.Engine.Api.LocalStepFunctions>();
        app.Services.GetServices<ILocalResourceHandler>().Select(h => h.GetType()).Should().Contain(
            [typeof(ReviewGateHandler), typeof(S3ObjectHandler), typeof(ModelInvocationHandler), typeof(ImagingMetadataHandler), typeof(EventBusHandler)]);
        app.GetRequiredService<IPublishedEvents>().Readable.Should().BeTrue("the local event bus is a file the Operations page reads");
        var demo = app.GetRequiredService<IDemoCases>();
        demo.Available.Should().BeTrue();

        var started = await demo.StartCaseAsync("urgent");

        started.ExecutionArn.Should().Contain(":execution:study-review:");
        started.Message.Should().StartWith("Started a new urgent demo case");
        var open = await LoopWaits.OpenTasksAsync(app.GetRequiredService<IReviewTaskStore>(), QueueName.Urgent, 1, t => t.ExecutionArn == started.ExecutionArn);
        open.Should().ContainSingle().Which.Urgency.Should().Be(Urgency.Urgent);
        var execution = await app.GetRequiredService<IAmazonStepFunctions>().DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = started.ExecutionArn });
        execution.Status.Should().Be(ExecutionStatus.RUNNING, "the case waits at its review gate");
    }

    [Fact]
    public async Task Aws_mode_registers_no_engine_no_local_handlers_and_no_demo_cases()
    {
        await using var app = new AwsModePortalApp(AwsModeSettings.For(new Uri("http://127.0.0.1:9"), "review-tasks", "reports"));

        app.GetRequiredService<IAmazonStepFunctions>().Should().BeOfType<StepFunctionsClient>();
        app.Services.GetService<ExecutionEngine>().Should().BeNull();
        app.Services.GetService<LocalWorkflows>().Should().BeNull();
        app.Services.GetServices<ILocalResourceHandler>().Should().BeEmpty();
        app.Services.GetServices<IHostedService>().Select(s => s.GetType().Name).Should()
            .NotContain([nameof(LocalWorkflows), nameof(LocalDemoCases), nameof(DemoSeeder), "LocalEngineHost"]);
        app.GetRequiredService<IPublishedEvents>().Readable.Should().BeFalse("EventBridge delivers to the hospital's targets, not to the portal");

        var demo = app.GetRequiredService<IDemoCases>();
        demo.Should().BeOfType<NoDemoCases>();
        demo.Available.Should().BeFalse();
        var started = await demo.StartCaseAsync("urgent");
        started.ExecutionArn.Should().BeNull();
        started.Message.Should().Be(NoDemoCases.Unavailable);
        (await demo.StartDraftBackfillAsync()).ExecutionArn.Should().BeNull();
    }
}
