using System.Diagnostics;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage.DynamoDb;
using YamlDotNet.RepresentationModel;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>deploy/review-storage.yaml: lints clean, declares the item layout the portal and the templates use, and deploys.</summary>
[Trait("Category", "Slow")]
public class StorageTemplateTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly string TemplatePath = Path.Combine(RepoPaths.Root, "deploy", "review-storage.yaml");

    [Fact]
    public async Task The_storage_template_passes_cfn_lint()
    {
        var (exitCode, output) = await RunAsync("cfn-lint", [TemplatePath]);

        exitCode.Should().Be(0, output);
    }

    [Fact]
    public void The_table_has_the_item_keys_the_sparse_index_and_ttl_of_the_shared_layout()
    {
        var table = Resource("ReviewTasksTable");

        Pairs(table, "KeySchema").Should().Equal((ReviewTaskAttributes.PartitionKey, "HASH"), (ReviewTaskAttributes.SortKey, "RANGE"));
        var index = (YamlMappingNode)((YamlSequenceNode)table["GlobalSecondaryIndexes"])[0];
        Scalar(index, "IndexName").Should().Be(ReviewTaskAttributes.OpenByQueueIndex);
        Pairs(index, "KeySchema").Should().Equal((ReviewTaskAttributes.OpenQueue, "HASH"), (ReviewTaskAttributes.DueAt, "RANGE"));
        Scalar((YamlMappingNode)index["Projection"], "ProjectionType").Should().Be("ALL", "queue pages read tasks from the index alone");
        var arrivals = (YamlMappingNode)((YamlSequenceNode)table["GlobalSecondaryIndexes"])[1];
        Scalar(arrivals, "IndexName").Should().Be(ReviewTaskAttributes.OpenByArrivalIndex);
        Pairs(arrivals, "KeySchema").Should().Equal((ReviewTaskAttributes.OpenQueue, "HASH"), (ReviewTaskAttributes.CreatedAt, "RANGE"));
        ((YamlSequenceNode)((YamlMappingNode)arrivals["Projection"])["NonKeyAttributes"]).Cast<YamlScalarNode>().Select(n => n.Value)
            .Should().BeEquivalentTo(ReviewTaskAttributes.DueAt, ReviewTaskAttributes.SlaSeconds);
        Scalar((YamlMappingNode)table["TimeToLiveSpecification"], "AttributeName").Should().Be(ReviewTaskAttributes.ExpiresAt);
        Scalar((YamlMappingNode)table["TimeToLiveSpecification"], "Enabled").Should().Be("true");
    }

    [Fact]
    public void The_table_tests_and_benchmarks_create_is_the_table_the_template_declares()
    {
        var table = Resource("ReviewTasksTable");
        var request = ReviewerPortal.Storage.DynamoDb.ReviewTaskTableDefinition.CreateTableRequest("any");

        Pairs(table, "KeySchema").Should().Equal(request.KeySchema.Select(k => ((string?)k.AttributeName, (string?)k.KeyType.Value)));
        var indexes = ((YamlSequenceNode)table["GlobalSecondaryIndexes"]).Cast<YamlMappingNode>().ToList();
        indexes.Select(i => Scalar(i, "IndexName")).Should().Equal(request.GlobalSecondaryIndexes.Select(i => i.IndexName));
        for (var i = 0; i < indexes.Count; i++)
        {
            Pairs(indexes[i], "KeySchema").Should().Equal(request.GlobalSecondaryIndexes[i].KeySchema.Select(k => ((string?)k.AttributeName, (string?)k.KeyType.Value)));
            Scalar((YamlMappingNode)indexes[i]["Projection"], "ProjectionType").Should().Be(request.GlobalSecondaryIndexes[i].Projection.ProjectionType.Value);
        }
    }

    [Fact]
    public void The_bucket_is_versioned_encrypted_and_private()
    {
        var bucket = Resource("DraftBucket");

        Scalar((YamlMappingNode)bucket["VersioningConfiguration"], "Status").Should().Be("Enabled");
        bucket.Children.Should().ContainKey(new YamlScalarNode("BucketEncryption"));
        var block = (YamlMappingNode)bucket["PublicAccessBlockConfiguration"];
        block.Children.Values.Cast<YamlScalarNode>().Select(v => v.Value).Should().AllBe("true").And.HaveCount(4);
    }

    [Fact]
    public async Task A_table_deployed_from_the_template_serves_the_task_store()
    {
        var stackTable = "stack-tasks-" + Guid.NewGuid().ToString("N")[..8];
        var (exitCode, output) = await RunAsync(
            "aws",
            ["--endpoint-url", moto.Url.ToString(), "cloudformation", "create-stack", "--stack-name", stackTable,
             "--template-body", "file://" + TemplatePath, "--capabilities", "CAPABILITY_IAM",
             "--parameters", $"ParameterKey=TableName,ParameterValue={stackTable}"]);
        exitCode.Should().Be(0, output);
        var store = ReviewTaskTable.Existing(moto.Url, stackTable).Store(TestClocks.AtMorning());

        await store.RegisterAsync(DynamoDbTaskStoreTests.NewTask("t-deployed", QueueName.Routine));

        (await store.ListOpenAsync(QueueName.Routine, 5, null)).Items.Select(t => t.Id).Should().Equal("t-deployed");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments)
    {
        var info = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in TestServers.FakeAwsEnvironment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static YamlMappingNode Resource(string name)
    {
        using var reader = new StreamReader(TemplatePath);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        return (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root["Resources"])[name])["Properties"];
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;

    private static IEnumerable<(string?, string?)> Pairs(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Cast<YamlMappingNode>().Select(e => (Scalar(e, "AttributeName"), Scalar(e, "KeyType")));
}
