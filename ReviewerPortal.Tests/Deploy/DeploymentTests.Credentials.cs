using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>
/// The service stack's sign-in credential: the client secret by default, or the app's certificate (a base64 PFX and
/// its password from Secrets Manager) when OidcClientCredential says Certificate; deploy.sh refuses both or neither.
/// </summary>
public partial class DeploymentTests
{
    [Fact]
    public async Task A_service_stack_with_the_certificate_credential_passes_the_pfx_and_its_password_from_secrets_manager_and_no_client_secret()
    {
        var pfx = await deployment.AwsAsync("secretsmanager", "create-secret", "--name", "reviewer-portal/oidc/client-certificate", "--secret-string", "TUlJ", "--query", "ARN", "--output", "text");
        var password = await deployment.AwsAsync("secretsmanager", "create-secret", "--name", "reviewer-portal/oidc/client-certificate-password", "--secret-string", "p4ss", "--query", "ARN", "--output", "text");
        var stack = "reviewer-portal-service-certificate";
        var parameters = await ServiceParametersAsync(new()
        {
            ["OidcClientCredential"] = "Certificate",
            ["OidcClientSecretArn"] = "",
            ["OidcClientCertificateArn"] = pfx,
            ["OidcClientCertificatePasswordArn"] = password,
            // moto answers list parameters in a form it cannot read back: the subnets as deploy.sh passed them.
            ["LoadBalancerSubnetIds"] = DeployArgument("--lb-subnets"),
            ["ServiceSubnetIds"] = DeployArgument("--service-subnets"),
        });

        await deployment.AwsAsync("cloudformation", "create-stack", "--stack-name", stack, "--capabilities", "CAPABILITY_IAM",
            "--template-body", $"file://{Path.Combine(RepoPaths.Root, "deploy", "review-service.yaml")}", "--parameters", parameters);
        await deployment.AwsAsync("cloudformation", "wait", "stack-create-complete", "--stack-name", stack);
        using var container = await ContainerOfAsync(stack);

        var environment = NamedValues(container.RootElement.GetProperty("environment"), "value");
        var secrets = NamedValues(container.RootElement.GetProperty("secrets"), "valueFrom");
        environment.Should().Contain("Identity__ClientCertificates__0__SourceType", "Base64Encoded");
        secrets.Should().Contain("Identity__ClientCertificates__0__Base64EncodedValue", pfx)
            .And.Contain("Identity__ClientCertificates__0__CertificatePassword", password)
            .And.NotContainKey("Identity__ClientSecret");
        environment.Keys.Should().NotContain(k => k.Contains("Base64EncodedValue", StringComparison.Ordinal) || k.Contains("Password", StringComparison.Ordinal),
            "the certificate and its password never travel as plain environment values");
    }

    [Fact]
    public async Task The_deploy_script_passes_the_certificate_credential_and_refuses_both_credentials_or_neither()
    {
        var nowhere = $"http://127.0.0.1:{LoopbackServer.FreePort()}";
        var withoutSecret = deployment.DeployArguments.ToList();
        var secretAt = withoutSecret.IndexOf("--oidc-client-secret-arn");
        var secret = withoutSecret[secretAt + 1];
        withoutSecret.RemoveRange(secretAt, 2);
        var certificate = secret.Replace("client-secret", "client-certificate", StringComparison.Ordinal);

        var viaCertificate = await CommandLine.ScriptAsync("deploy.sh", ["--dry-run", "--endpoint-url", nowhere, .. withoutSecret, "--oidc-client-certificate-arn", certificate]);
        var both = await CommandLine.ScriptAsync("deploy.sh", ["--dry-run", "--endpoint-url", nowhere, .. deployment.DeployArguments, "--oidc-client-certificate-arn", certificate]);
        var neither = await CommandLine.ScriptAsync("deploy.sh", ["--dry-run", "--endpoint-url", nowhere, .. withoutSecret]);

        viaCertificate.ExitCode.Should().Be(0, viaCertificate.All);
        var plan = viaCertificate.Errors.Split('\n').Single(line => line.Contains("stack reviewer-portal-service", StringComparison.Ordinal));
        plan.Should().Contain("""{"ParameterKey":"OidcClientCredential","ParameterValue":"Certificate"}""")
            .And.Contain($$"""{"ParameterKey":"OidcClientCertificateArn","ParameterValue":"{{certificate}}"}""")
            .And.Contain("""{"ParameterKey":"OidcClientSecretArn","ParameterValue":""}""");
        both.ExitCode.Should().NotBe(0);
        both.Errors.Should().Contain("not both");
        neither.ExitCode.Should().NotBe(0);
        neither.Errors.Should().Contain("--oidc-client-secret-arn or --oidc-client-certificate-arn is required");
    }

    private string DeployArgument(string option) => deployment.DeployArguments[deployment.DeployArguments.ToList().IndexOf(option) + 1];

    /// <summary>
    /// A container's environment or secrets by name. moto keeps an <c>Fn::If</c> that chose <c>AWS::NoValue</c> as a null
    /// entry where CloudFormation removes it (AWS's documented behaviour wins): nulls are skipped.
    /// </summary>
    private static Dictionary<string, string?> NamedValues(JsonElement list, string valueName) =>
        list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty(valueName).GetString());

    /// <summary>The deployed service stack's parameters with some replaced, as the CLI's --parameters JSON.</summary>
    private async Task<string> ServiceParametersAsync(Dictionary<string, string> replaced)
    {
        using var described = JsonDocument.Parse(await deployment.AwsAsync("cloudformation", "describe-stacks", "--stack-name", $"{MotoDeployment.Prefix}-service", "--query", "Stacks[0].Parameters"));
        var parameters = described.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("ParameterKey").GetString()!, p => p.GetProperty("ParameterValue").GetString() ?? "");
        foreach (var (key, value) in replaced)
        {
            parameters[key] = value;
        }

        return new JsonArray(parameters.Select(p => (JsonNode)new JsonObject { ["ParameterKey"] = p.Key, ["ParameterValue"] = p.Value }).ToArray()).ToJsonString();
    }

    private async Task<JsonDocument> ContainerOfAsync(string stack)
    {
        var cluster = await deployment.AwsAsync("cloudformation", "describe-stacks", "--stack-name", stack, "--query", "Stacks[0].Outputs[?OutputKey=='ClusterName'].OutputValue", "--output", "text");
        var definition = await deployment.AwsAsync("ecs", "describe-services", "--cluster", cluster, "--services", "portal", "--query", "services[0].taskDefinition", "--output", "text");
        return JsonDocument.Parse(await deployment.AwsAsync("ecs", "describe-task-definition", "--task-definition", definition, "--query", "taskDefinition.containerDefinitions[0]"));
    }
}
