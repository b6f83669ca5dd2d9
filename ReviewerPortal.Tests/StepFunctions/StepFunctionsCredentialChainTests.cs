using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.StepFunctions;

namespace ReviewerPortal.Tests.StepFunctions;

/// <summary>Tests that set process environment variables run alone, so no other test sees them.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

/// <summary>
/// Aws mode as it runs on ECS: the client registered for Aws mode finds the task role's temporary credentials through
/// AWSSDK.Core's default chain (the container credentials endpoint) and signs with them, session token included.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public class StepFunctionsCredentialChainTests
{
    [Fact]
    public async Task On_ECS_the_client_signs_with_the_task_role_credentials_from_the_container_endpoint()
    {
        var expiration = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await using var ecs = await ScriptedAwsServer.StartAsync((200, $$"""
            {"RoleArn":"arn:aws:iam::123456789012:role/portal-task","AccessKeyId":"ASIATASKROLE","SecretAccessKey":"task-secret","Token":"task-session-token","Expiration":"{{expiration}}"}
            """));
        await using var aws = await ScriptedAwsServer.StartAsync((200, """{"stateMachines":[]}"""));
        using var environment = new EnvironmentVariables(new()
        {
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = new Uri(ecs.BaseUri, "/v2/credentials/task").ToString(),
            ["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "ecs-agent-token",
            ["AWS_CONFIG_FILE"] = "/nonexistent/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StepFunctions:Region"] = "eu-west-1",
            ["StepFunctions:ServiceUrl"] = aws.BaseUri.ToString(),
        }).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddStepFunctionsClient().BuildServiceProvider();

        await services.GetRequiredService<IAmazonStepFunctions>().ListStateMachinesAsync(new());

        ecs.Requests.Should().NotBeEmpty();
        ecs.Requests[0].Headers["Authorization"].Should().Be("ecs-agent-token");
        var signed = aws.Requests.Should().ContainSingle().Subject;
        signed.Headers["Authorization"].Should().Contain("Credential=ASIATASKROLE/").And.Contain("/eu-west-1/states/aws4_request");
        signed.Headers["X-Amz-Security-Token"].Should().Be("task-session-token");
    }

    /// <summary>Sets variables for the life of a test and restores what was there before.</summary>
    private sealed class EnvironmentVariables : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = [];

        public EnvironmentVariables(Dictionary<string, string> values)
        {
            foreach (var (name, value) in values)
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
