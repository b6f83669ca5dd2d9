using System.Text.Json;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Workflow.Templates;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>
/// deploy/: the templates lint clean, deploy.sh deploys the whole product to moto's CloudFormation, the state machines
/// it creates are the bundled templates with their substitutions, and a dry run prints the same plan without AWS.
/// </summary>
/// <remarks>
/// What moto's CloudFormation does not run, and what checks it instead: AWS::S3::BucketPolicy (no moto support; the
/// templates' deny-insecure-transport statements are checked by cfn-lint only); IAM policies are stored but never
/// enforced (PortalPolicyTests derives what the task and workflow roles must grant); ECS starts no container (the
/// image's health check is replayed by the Container tests; rollouts complete or stall as MotoDeployment sets);
/// the load balancer serves no traffic (HTTPS listener, stickiness and idle timeout are asserted on the template);
/// Step Functions logging and X-Ray are recorded on the state machine but deliver nothing.
/// </remarks>
[Trait("Category", "Slow")]
public partial class DeploymentTests(HealthyDeployment deployment) : IClassFixture<HealthyDeployment>
{
    public static TheoryData<string> Templates => new() { "review-storage.yaml", "review-workflows.yaml", "review-service.yaml" };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Every_template_passes_cfn_lint(string template)
    {
        var lint = await CommandLine.RunAsync("cfn-lint", [Path.Combine(RepoPaths.Root, "deploy", template)]);

        lint.ExitCode.Should().Be(0, lint.All);
    }

    [Fact]
    public async Task The_deploy_script_creates_every_stack_and_prints_the_portal_url_and_version()
    {
        deployment.Deployed.Steps.Should().Equal(
            "==> ECR repository reviewer-portal",
            "==> check that image reviewer-portal:v1 is in ECR",
            "==> stack reviewer-portal-storage",
            "==> upload the bundled workflow templates",
            "==> stack reviewer-portal-workflows",
            "==> stack reviewer-portal-service",
            "==> done");
        deployment.Deployed.Output.Should().Contain("portal:        https://portal.example.org").And.Contain("version:       v1");
        foreach (var stack in new[] { "storage", "workflows", "service" })
        {
            (await deployment.AwsAsync("cloudformation", "describe-stacks", "--stack-name", $"reviewer-portal-{stack}", "--query", "Stacks[0].StackStatus", "--output", "text"))
                .Should().EndWith("_COMPLETE").And.NotContain("ROLLBACK");
        }

        (await deployment.ServiceImageAsync()).Should().EndWith("/reviewer-portal:v1");
    }

    [Fact]
    public async Task The_task_definition_runs_the_portal_in_aws_mode_with_its_version_and_oidc_settings_from_ssm_and_secrets_manager()
    {
        var cluster = await deployment.StackOutputAsync("service", "ClusterName");
        var definition = await deployment.AwsAsync("ecs", "describe-services", "--cluster", cluster, "--services", "portal", "--query", "services[0].taskDefinition", "--output", "text");
        using var container = JsonDocument.Parse(await deployment.AwsAsync("ecs", "describe-task-definition", "--task-definition", definition, "--query", "taskDefinition.containerDefinitions[0]"));

        var environment = NamedValues(container.RootElement.GetProperty("environment"), "value");
        // The version is the tag the service runs (a redeploy test of this class may have moved it to v2).
        var tag = await deployment.StackParameterAsync("service", "ImageTag");
        container.RootElement.GetProperty("image").GetString().Should().EndWith(":" + tag);
        environment.Should().Contain("Portal__Mode", "Aws").And.Contain("Portal__Version", tag).And.Contain("Identity__Mode", "Oidc")
            .And.Contain("Aws__TableName", await deployment.StackOutputAsync("storage", "TableName"));
        environment.Keys.Should().NotContain(k => k.StartsWith("Identity__Client", StringComparison.Ordinal), "OIDC client settings come from SSM and Secrets Manager");
        var secrets = NamedValues(container.RootElement.GetProperty("secrets"), "valueFrom");
        secrets["Identity__Authority"].Should().EndWith(":parameter/reviewer-portal/oidc/authority");
        secrets["Identity__ClientSecret"].Should().Contain(":secretsmanager:");
        secrets.Keys.Should().NotContain(k => k.StartsWith("Identity__ClientCertificates", StringComparison.Ordinal), "the client secret is the default credential");
        container.RootElement.GetProperty("healthCheck").GetProperty("command").EnumerateArray().Select(c => c.GetString())
            .Should().Equal("CMD", "/app/ReviewerPortal", "--healthcheck");
    }

    [Fact]
    public async Task The_state_machines_are_the_bundled_templates_with_the_deployment_values_substituted_logged_and_traced()
    {
        var values = new WorkflowTemplateOptions
        {
            ReviewTasksTable = await deployment.StackOutputAsync("storage", "TableName"),
            DraftBucket = await deployment.StackOutputAsync("storage", "DraftBucket"),
            ReportBucket = await deployment.StackOutputAsync("storage", "ReportBucket"),
            EventBusName = await deployment.StackOutputAsync("workflows", "EventBusName"),
        };
        var draftGeneration = await deployment.StackOutputAsync("workflows", "DraftGenerationStateMachineArn");
        var expected = new Dictionary<string, (BundledTemplate Template, string Type, string Level)>
        {
            [draftGeneration] = (BundledTemplates.DraftGeneration, "EXPRESS", "ERROR"),
            [await deployment.StackOutputAsync("workflows", "StudyReviewStateMachineArn")] = (BundledTemplates.StudyReview, "STANDARD", "ALL"),
            [await deployment.StackOutputAsync("workflows", "DraftBackfillStateMachineArn")] = (BundledTemplates.DraftBackfill, "STANDARD", "ERROR"),
        };

        foreach (var (arn, (template, type, level)) in expected)
        {
            using var machine = JsonDocument.Parse(await deployment.AwsAsync("stepfunctions", "describe-state-machine", "--state-machine-arn", arn));
            var root = machine.RootElement;
            root.GetProperty("definition").GetString().Should().Be(TemplatePlaceholders.Substitute(template.ReadDefinition(), values.Substitutions(draftGeneration)), template.Name);
            root.GetProperty("type").GetString().Should().Be(type);
            root.GetProperty("loggingConfiguration").GetProperty("level").GetString().Should().Be(level);
            root.GetProperty("loggingConfiguration").GetProperty("includeExecutionData").GetBoolean().Should().BeFalse("execution data holds clinical text");
            root.GetProperty("tracingConfiguration").GetProperty("enabled").GetBoolean().Should().BeTrue();
        }
    }

    [Fact]
    public async Task A_dry_run_prints_the_same_plan_and_calls_no_aws_endpoint()
    {
        // Nothing listens there: a single AWS call would fail the script.
        var nowhere = $"http://127.0.0.1:{LoopbackServer.FreePort()}";

        var dryRun = await CommandLine.ScriptAsync("deploy.sh", ["--dry-run", "--endpoint-url", nowhere, .. deployment.DeployArguments]);

        dryRun.ExitCode.Should().Be(0, dryRun.All);
        dryRun.Steps.Should().Equal(deployment.Deployed.Steps);
        dryRun.Errors.Should().Contain("would run: aws ecr describe-images").And.Contain("would create or update stack reviewer-portal-service");
    }

    [Fact]
    public async Task A_redeploy_runs_the_new_tag_reports_it_and_its_dry_run_prints_the_same_plan()
    {
        var redeploy = await CommandLine.ScriptAsync("redeploy.sh", "--endpoint-url", deployment.Url.ToString(), "--image-tag", "v2", "--skip-build", "--poll-interval", "1", "--timeout", "120");
        var dryRun = await CommandLine.ScriptAsync("redeploy.sh", "--dry-run", "--endpoint-url", $"http://127.0.0.1:{LoopbackServer.FreePort()}", "--image-tag", "v2", "--skip-build");

        redeploy.ExitCode.Should().Be(0, redeploy.All);
        redeploy.Output.Should().Contain("version v2 is running (was v1)");
        (await deployment.ServiceImageAsync()).Should().EndWith("/reviewer-portal:v2");
        (await deployment.StackParameterAsync("service", "ImageTag")).Should().Be("v2");
        dryRun.ExitCode.Should().Be(0, dryRun.All);
        dryRun.Steps.Should().Equal(redeploy.Steps);
    }

    [Fact]
    public async Task Every_script_explains_itself_with_help()
    {
        foreach (var script in new[] { "deploy.sh", "redeploy.sh", "start-study.sh" })
        {
            var help = await CommandLine.ScriptAsync(script, "--help");

            help.ExitCode.Should().Be(0, help.All);
            help.Output.Should().StartWith("Usage: deploy/" + script).And.Contain("--dry-run");
        }
    }
}
