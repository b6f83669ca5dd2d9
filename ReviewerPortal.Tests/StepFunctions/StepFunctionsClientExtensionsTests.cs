using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.StepFunctions;

public class StepFunctionsClientExtensionsTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Aws_mode_without_a_region_fails_at_start_with_a_message_naming_the_setting()
    {
        using var services = Build(new Dictionary<string, string?>(), NoEnvironment);

        var thrown = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IAmazonStepFunctions>());

        thrown.Message.Should().Contain("StepFunctions:Region");
    }

    [Fact]
    public void The_region_may_come_from_the_AWS_REGION_variable_ECS_sets()
    {
        using var services = Build(new Dictionary<string, string?>(), name => name == "AWS_REGION" ? "eu-central-1" : null);

        services.GetRequiredService<IAmazonStepFunctions>().Should().BeOfType<StepFunctionsClient>();
    }

    [Fact]
    public async Task Without_credentials_in_the_default_chain_the_registered_client_fails_before_sending_anything()
    {
        await using var aws = await ScriptedAwsServer.StartAsync((200, """{"stateMachines":[]}"""));
        using var services = Build(
            new Dictionary<string, string?>
            {
                ["StepFunctions:Region"] = "ap-southeast-2",
                ["StepFunctions:ServiceUrl"] = aws.BaseUri.ToString(),
                ["StepFunctions:MaxRetries"] = "0",
            },
            NoEnvironment);
        Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID").Should().BeNull("this test relies on the chain finding no real credentials in the environment");

        var client = services.GetRequiredService<IAmazonStepFunctions>();
        var action = () => client.ListStateMachinesAsync(new ListStateMachinesRequest());

        // The default chain finds no credentials on this machine: the failure is AWSSDK.Core's, before anything is sent.
        (await action.Should().ThrowAsync<Amazon.Runtime.AmazonClientException>()).Which.Message.Should().Contain("credentials");
        aws.Requests.Should().BeEmpty();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Func<string, string?> environment)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging();
        services.AddStepFunctionsClient(environment);
        return services.BuildServiceProvider();
    }
}
