using ReviewerPortal.Drafts;
using ReviewerPortal.Review;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Storage.DynamoDb;
using ReviewerPortal.Storage.S3;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage;

[Trait("Category", "Slow")]
public class AwsStorageExtensionsTests
{
    [Fact]
    public async Task Aws_mode_without_region_table_or_bucket_refuses_to_start_naming_each_missing_setting()
    {
        await using var app = new PortalApp(new Dictionary<string, string?> { ["Portal:Mode"] = "Aws" });

        var error = Record.Exception(() => app.BaseAddress);

        var message = string.Join("\n", Messages(error));
        message.Should().Contain("Aws mode cannot start: missing settings Aws:Region, Aws:TableName, Aws:DraftBucket", error?.ToString());
    }

    [Fact]
    public async Task Aws_mode_names_only_the_settings_that_are_missing()
    {
        await using var app = new PortalApp(new Dictionary<string, string?>
        {
            ["Portal:Mode"] = "Aws",
            ["Aws:Region"] = "eu-west-1",
            ["Aws:DraftBucket"] = "reports",
        });

        var error = Record.Exception(() => app.BaseAddress);

        var message = string.Join("\n", Messages(error));
        message.Should().Contain("missing setting Aws:TableName ", error?.ToString()).And.NotContain("Aws:Region,").And.NotContain("Aws:DraftBucket");
    }

    [Fact]
    public async Task Aws_mode_uses_dynamodb_s3_and_the_aws_region_and_endpoint_for_step_functions()
    {
        await using var app = new AwsModePortalApp(AwsModeSettings.For(new Uri("http://127.0.0.1:9"), "review-tasks", "reports"));

        app.GetRequiredService<IReviewTaskStore>().Should().BeOfType<DynamoDbTaskStore>();
        app.GetRequiredService<IDraftStore>().Should().BeOfType<S3DraftStore>();
        var stepFunctions = app.GetRequiredService<Microsoft.Extensions.Options.IOptions<StepFunctionsClientOptions>>().Value;
        stepFunctions.Region.Should().Be("us-east-1");
        stepFunctions.ServiceUrl.Should().Be(new Uri("http://127.0.0.1:9"));
    }

    private static IEnumerable<string> Messages(Exception e)
    {
        yield return e.Message;
        IEnumerable<Exception> inner = e is AggregateException aggregate ? aggregate.InnerExceptions : e.InnerException is { } one ? [one] : [];
        foreach (var message in inner.SelectMany(Messages))
        {
            yield return message;
        }
    }
}
