namespace ReviewerPortal.Tests.Deploy;

/// <summary>A redeploy whose rollout never becomes stable is rolled back to the version that ran before.</summary>
[Trait("Category", "Slow")]
public class FailedRedeployTests(StuckDeployment deployment) : IClassFixture<StuckDeployment>
{
    [Fact]
    public async Task A_redeploy_that_never_becomes_stable_is_rolled_back_to_the_running_version_and_fails()
    {
        var redeploy = await CommandLine.ScriptAsync("redeploy.sh", "--endpoint-url", deployment.Url.ToString(), "--image-tag", "v2", "--skip-build", "--poll-interval", "1", "--timeout", "5");

        redeploy.ExitCode.Should().Be(1, redeploy.All);
        redeploy.Steps.Should().EndWith("==> roll back to v1");
        redeploy.Errors.Should().Contain("redeploy of v2 failed: the service did not become stable within 5 s; rolled back to version v1");
        (await deployment.ServiceImageAsync()).Should().EndWith("/reviewer-portal:v1");
        (await deployment.StackParameterAsync("service", "ImageTag")).Should().Be("v1");
    }

    [Fact]
    public async Task A_tag_that_is_not_in_the_repository_is_refused_before_anything_changes()
    {
        var redeploy = await CommandLine.ScriptAsync("redeploy.sh", "--endpoint-url", deployment.Url.ToString(), "--image-tag", "v9", "--skip-build");

        redeploy.ExitCode.Should().Be(1);
        redeploy.Errors.Should().Contain("the image tag v9 is not in the repository reviewer-portal");
        (await deployment.StackParameterAsync("service", "ImageTag")).Should().Be("v1");
    }
}
