using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewerPortal.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ReviewerPortal.Tests.Deploy;

/// <summary>
/// The roles cannot drift from what runs under them: the AWS actions are derived from the portal's source (its calls on
/// the DynamoDB, S3 and Step Functions clients) and from the bundled templates' Task resources, and compared with what
/// deploy/review-service.yaml's task role and deploy/review-workflows.yaml's workflow role grant.
/// </summary>
public partial class PortalPolicyTests
{
    // Portal source that never runs in Aws mode: the engine's stand-in resources and the template deployer, and the
    // table creation used by tests and benchmarks (the stack creates the table). The engine and the client are projects
    // of their own, outside the folder read here.
    private static readonly string[] LocalOnly =
    [
        "Workflow/LocalResources/", "Workflow/Templates/TemplateDeployer.cs", "Storage/DynamoDb/ReviewTaskTableDefinition.cs",
    ];

    // An SDK operation that IAM authorises under another action name.
    private static readonly Dictionary<string, string[]> PortalActionsOf = new(StringComparer.Ordinal)
    {
        // A kept edit's transaction deletes the parts of a longer earlier edit (DynamoDbKeptEditStore).
        ["dynamodb:TransactWriteItems"] = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
        ["s3:HeadBucket"] = ["s3:ListBucket"],
        ["s3:ListObjectsV2"] = ["s3:ListBucket"],
    };

    [Fact]
    public void The_task_role_grants_exactly_the_aws_actions_the_portal_code_calls()
    {
        var called = PortalCalls();

        called.Should().Contain(["states:SendTaskSuccess", "dynamodb:Query", "s3:GetObject"], "the derivation must find the portal's core calls");
        RoleActions("review-service.yaml", "TaskRole").Should().BeEquivalentTo(called);
    }

    [Fact]
    public void The_workflow_role_grants_every_action_of_the_templates_and_nothing_else_but_logging_and_tracing()
    {
        var needed = TemplateCalls();
        var granted = RoleActions("review-workflows.yaml", "WorkflowRole");

        needed.Should().Contain(["medical-imaging:GetImageSetMetadata", "bedrock:InvokeModel", "events:PutEvents", "states:StartExecution"]);
        granted.Should().Contain(needed);
        granted.Where(a => !a.StartsWith("logs:", StringComparison.Ordinal) && !a.StartsWith("xray:", StringComparison.Ordinal) && a != "s3:ListBucket")
            .Should().BeSubsetOf(needed, "the role grants nothing the templates do not call (ListBucket only turns a missing draft's 403 into 404)");
    }

    /// <summary>Every <c>receiver.OperationAsync(</c> on the DynamoDB, S3 and Step Functions clients in Aws-mode source.</summary>
    private static HashSet<string> PortalCalls()
    {
        var source = Path.Combine(RepoPaths.Root, "ReviewerPortal");
        var calls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal) || LocalOnly.Any(relative.StartsWith))
            {
                continue;
            }

            foreach (Match call in ClientCall().Matches(File.ReadAllText(file)))
            {
                var service = call.Groups["client"].Value.ToLowerInvariant() switch
                {
                    "dynamodb" => "dynamodb",
                    "s3" => "s3",
                    _ => "states",
                };
                var action = $"{service}:{call.Groups["operation"].Value}";
                calls.UnionWith(PortalActionsOf.GetValueOrDefault(action, [action]));
            }
        }

        return calls;
    }

    // The portal names its clients dynamoDb / _dynamoDb, s3, stepFunctions (injected IAmazonDynamoDB, IAmazonS3, IAmazonStepFunctions).
    [GeneratedRegex(@"\b_?(?<client>dynamoDb|s3|stepFunctions)\.(?<operation>[A-Z]\w*)Async\(")]
    private static partial Regex ClientCall();

    /// <summary>The IAM actions each Task state of the bundled templates needs.</summary>
    private static HashSet<string> TemplateCalls()
    {
        var actions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var template in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "ReviewerPortal", "Workflow", "Templates"), "*.asl.json"))
        {
            foreach (var (_, state) in JsonNode.Parse(File.ReadAllText(template))!["States"]!.AsObject())
            {
                if (state?["Resource"]?.GetValue<string>() is { } resource)
                {
                    actions.UnionWith(ActionsOf(resource));
                }
            }
        }

        return actions;
    }

    /// <summary>IAM actions of a Step Functions integration (AWS: "IAM policies for integrated services").</summary>
    private static IEnumerable<string> ActionsOf(string resource)
    {
        var parts = resource.Replace("arn:aws:states:::", string.Empty, StringComparison.Ordinal).Split(':');
        var (service, operation) = parts[0] == "aws-sdk" ? (parts[1], parts[2]) : (parts[0], parts[1]);
        operation = operation.Split('.')[0];
        var action = $"{(service == "medicalimaging" ? "medical-imaging" : service)}:{char.ToUpperInvariant(operation[0])}{operation[1..]}";
        return action switch
        {
            "s3:HeadObject" => ["s3:GetObject"],
            "s3:CopyObject" => ["s3:GetObject", "s3:PutObject"],
            "states:StartExecution" when resource.EndsWith(".sync:2", StringComparison.Ordinal) =>
                ["states:StartExecution", "states:DescribeExecution", "states:StopExecution", "events:PutTargets", "events:PutRule", "events:DescribeRule"],
            _ => [action],
        };
    }

    private static HashSet<string> RoleActions(string template, string role)
    {
        using var reader = new StreamReader(Path.Combine(RepoPaths.Root, "deploy", template));
        var yaml = new YamlStream();
        yaml.Load(reader);
        var properties = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["Resources"])[role])["Properties"];
        var actions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in ((YamlSequenceNode)properties["Policies"]).Cast<YamlMappingNode>())
        {
            foreach (var statement in ((YamlSequenceNode)((YamlMappingNode)policy["PolicyDocument"])["Statement"]).Cast<YamlMappingNode>())
            {
                var action = statement["Action"];
                actions.UnionWith(action is YamlSequenceNode list ? list.Cast<YamlScalarNode>().Select(a => a.Value!) : [((YamlScalarNode)action).Value!]);
            }
        }

        return actions;
    }
}
