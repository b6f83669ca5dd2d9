using System.Text.Json;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>
/// The whole product deployed by deploy/deploy.sh to moto's CloudFormation, as an operator would on AWS: a VPC with two
/// subnets, an ACM certificate and the image tags in ECR exist first. No Docker engine runs here, so the image push is
/// replaced by registering the tags' manifests in moto's ECR (<c>ecr put-image</c>) and the scripts run with --skip-build.
/// </summary>
/// <remarks>
/// moto runs no containers: its ECS reports as many running tasks as <c>MOTO_ECS_SERVICE_RUNNING</c> says, fixed when the
/// service is created. <see cref="HealthyDeployment"/> runs them all (rollouts complete); <see cref="StuckDeployment"/>
/// runs none, so a rollout never completes, as when new tasks keep failing their health check.
/// </remarks>
public class MotoDeployment : IAsyncLifetime
{
    public const string Prefix = "reviewer-portal";
    public const string DatastoreId = "0123456789abcdef0123456789abcdef";

    private readonly int _runningTasks;
    private LoopbackServer? _moto;

    protected MotoDeployment(int runningTasks) => _runningTasks = runningTasks;

    public Uri Url => _moto!.BaseUri;

    /// <summary>What deploy.sh printed.</summary>
    public CommandLine.Result Deployed { get; private set; } = null!;

    /// <summary>The arguments deploy.sh was given, for a dry run of the same deployment.</summary>
    public IReadOnlyList<string> DeployArguments { get; private set; } = [];

    public async Task InitializeAsync()
    {
        // Generous start: moto imports every service's models first, slowly on a loaded machine.
        _moto = await TestServers.StartMotoAsync(
            new Dictionary<string, string> { ["MOTO_ECS_SERVICE_RUNNING"] = _runningTasks.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            TimeSpan.FromMinutes(3));
        var vpc = await AwsAsync("ec2", "create-vpc", "--cidr-block", "10.0.0.0/16", "--query", "Vpc.VpcId", "--output", "text");
        var subnets = new List<string>();
        foreach (var (zone, cidr) in new[] { ("us-east-1a", "10.0.1.0/24"), ("us-east-1b", "10.0.2.0/24") })
        {
            subnets.Add(await AwsAsync("ec2", "create-subnet", "--vpc-id", vpc, "--cidr-block", cidr, "--availability-zone", zone, "--query", "Subnet.SubnetId", "--output", "text"));
        }

        await AwsAsync("ecr", "create-repository", "--repository-name", Prefix);
        await RegisterImageAsync("v1");
        await RegisterImageAsync("v2");
        var certificate = await AwsAsync("acm", "request-certificate", "--domain-name", "portal.example.org", "--query", "CertificateArn", "--output", "text");
        // As JSON: AWS CLI v1 would fetch a --value that is a URL and store the page instead.
        await AwsAsync("ssm", "put-parameter", "--cli-input-json", """{"Name":"/reviewer-portal/oidc/authority","Type":"String","Value":"https://login.example.org/tenant/v2.0"}""");
        await AwsAsync("ssm", "put-parameter", "--name", "/reviewer-portal/oidc/client-id", "--type", "String", "--value", "portal-client");
        var secret = await AwsAsync("secretsmanager", "create-secret", "--name", "reviewer-portal/oidc/client-secret", "--secret-string", "s3cret", "--query", "ARN", "--output", "text");

        DeployArguments =
        [
            "--image-tag", "v1", "--skip-build", "--vpc-id", vpc, "--lb-subnets", string.Join(',', subnets), "--service-subnets", string.Join(',', subnets),
            "--certificate-arn", certificate, "--public-origin", "https://portal.example.org", "--imaging-datastore-id", DatastoreId,
            "--oidc-authority-parameter", "/reviewer-portal/oidc/authority", "--oidc-client-id-parameter", "/reviewer-portal/oidc/client-id",
            "--oidc-client-secret-arn", secret,
        ];
        Deployed = await CommandLine.ScriptAsync("deploy.sh", ["--endpoint-url", Url.ToString(), .. DeployArguments]);
        Deployed.ExitCode.Should().Be(0, Deployed.All + _moto.Log[^Math.Min(_moto.Log.Length, 4000)..]);
    }

    /// <summary>Stands in for <c>docker push</c>: registers a manifest for the tag in moto's ECR.</summary>
    public Task RegisterImageAsync(string tag)
    {
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tag)));
        var manifest = JsonSerializer.Serialize(new
        {
            schemaVersion = 2,
            mediaType = "application/vnd.docker.distribution.manifest.v2+json",
            config = new { mediaType = "application/vnd.docker.container.image.v1+json", size = 1, digest = "sha256:" + digest },
            layers = Array.Empty<object>(),
        });
        return AwsAsync("ecr", "put-image", "--repository-name", Prefix, "--image-tag", tag, "--image-manifest", manifest);
    }

    /// <summary>An AWS CLI call on this moto; its trimmed output.</summary>
    public async Task<string> AwsAsync(params string[] arguments)
    {
        var result = await CommandLine.RunAsync("aws", ["--endpoint-url", Url.ToString(), .. arguments]);
        result.ExitCode.Should().Be(0, $"aws {string.Join(' ', arguments)}: {result.All}");
        return result.Output.Trim();
    }

    public Task<string> StackOutputAsync(string stack, string key) =>
        AwsAsync("cloudformation", "describe-stacks", "--stack-name", $"{Prefix}-{stack}", "--query", $"Stacks[0].Outputs[?OutputKey=='{key}'].OutputValue", "--output", "text");

    public Task<string> StackParameterAsync(string stack, string key) =>
        AwsAsync("cloudformation", "describe-stacks", "--stack-name", $"{Prefix}-{stack}", "--query", $"Stacks[0].Parameters[?ParameterKey=='{key}'].ParameterValue", "--output", "text");

    /// <summary>The image the ECS service's task definition runs now.</summary>
    public async Task<string> ServiceImageAsync()
    {
        var cluster = await StackOutputAsync("service", "ClusterName");
        var taskDefinition = await AwsAsync("ecs", "describe-services", "--cluster", cluster, "--services", "portal", "--query", "services[0].taskDefinition", "--output", "text");
        return await AwsAsync("ecs", "describe-task-definition", "--task-definition", taskDefinition, "--query", "taskDefinition.containerDefinitions[0].image", "--output", "text");
    }

    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}

/// <summary>A deployment whose ECS rollouts complete.</summary>
public sealed class HealthyDeployment() : MotoDeployment(runningTasks: 2);

/// <summary>A deployment whose ECS rollouts never complete.</summary>
public sealed class StuckDeployment() : MotoDeployment(runningTasks: 0);
