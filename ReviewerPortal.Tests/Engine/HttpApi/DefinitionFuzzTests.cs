using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ReviewerPortal.Tests.Engine.Conformance;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>
/// A seeded, bounded fuzz run over the HTTP API: the bundled templates and the conformance definitions, mutated
/// (fields dropped, values of the wrong type, paths and intrinsics gone wrong, keys duplicated, text cut short), are
/// validated, created and run. Whatever happens, no answer is a 5xx, no call hangs, and no .NET exception text
/// reaches an answer or a history event.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class DefinitionFuzzTests
{
    private const int Seed = 20_241_207;
    private const int Mutants = 400;

    private static readonly JsonNode?[] Odd =
    [
        null, JsonValue.Create(-1), JsonValue.Create(1e308), JsonValue.Create(9223372036854775807L), JsonValue.Create(0.5),
        JsonValue.Create(""), JsonValue.Create("$"), JsonValue.Create("$.missing[0].x"), JsonValue.Create("$$.Map.Item.Value"),
        JsonValue.Create("$undefinedVariable"), JsonValue.Create("States.Format('{}{}', $.a)"), JsonValue.Create("States.Array("),
        JsonValue.Create("States.MathAdd(9223372036854775807, 1)"), JsonValue.Create("States.StringToJson('{')"),
        JsonValue.Create("2016-13-45T99:00:00Z"), JsonValue.Create(true), new JsonArray(), new JsonObject(),
        new JsonObject { ["a.$"] = "$[?(@.x > 1)]" }, new JsonArray(1, "two", null),
    ];

    [Fact]
    public async Task Mutated_definitions_never_get_a_5xx_a_hang_or_dotnet_exception_text()
    {
        await using var local = await EngineOverHttp.StartAsync();
        using var http = new HttpClient { BaseAddress = local.Address, Timeout = TimeSpan.FromSeconds(30) };
        var seeds = SeedDefinitions();
        var random = new Random(Seed);
        var problems = new List<string>();
        var executions = 0;

        for (var i = 0; i < Mutants; i++)
        {
            var text = Mutate(seeds[random.Next(seeds.Count)], random);
            var name = $"fuzz-{i}";
            await CallAsync(http, "ValidateStateMachineDefinition", new JsonObject { ["definition"] = text }, problems, name);
            var created = await CallAsync(http, "CreateStateMachine", new JsonObject { ["name"] = name, ["definition"] = text, ["roleArn"] = EngineOverHttp.RoleArn }, problems, name);
            if (created?["stateMachineArn"] is not { } machine)
            {
                continue;
            }

            var input = random.Next(3) == 0 ? """{"a":1,"a":2}""" : new JsonObject { ["a"] = Odd[random.Next(Odd.Length)]?.DeepClone(), ["items"] = new JsonArray(1, 2) }.ToJsonString();
            var started = await CallAsync(http, "StartExecution", new JsonObject { ["stateMachineArn"] = machine.DeepClone(), ["input"] = input }, problems, name);
            if (started?["executionArn"] is { } execution)
            {
                executions++;
                await local.Engine.RunToEndAsync(execution.GetValue<string>(), EngineHarness.EveryTimer).WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { }, TaskScheduler.Default);
                await CallAsync(http, "DescribeExecution", new JsonObject { ["executionArn"] = execution.DeepClone() }, problems, name);
                await CallAsync(http, "GetExecutionHistory", new JsonObject { ["executionArn"] = execution.DeepClone(), ["maxResults"] = 1000 }, problems, name);
                await CallAsync(http, "StopExecution", new JsonObject { ["executionArn"] = execution.DeepClone() }, problems, name);
            }
        }

        problems.Should().BeEmpty();
        // With this seed 69 of the 400 mutants stay valid enough to run; the rest are refused at Validate/Create.
        executions.Should().BeGreaterThan(Mutants / 8, "a fair share of mutants must still get as far as running");
    }

    /// <summary>The bundled templates and the conformance definitions (and the AWS-recorded ones when ../shared is there).</summary>
    private static List<string> SeedDefinitions()
    {
        var seeds = Directory.GetFiles(Path.Combine(RepoPaths.Root, "ReviewerPortal", "Workflow", "Templates"), "*.asl.json").Select(File.ReadAllText).ToList();
        seeds.AddRange(ConformanceCase.All().Select(c => c.Definition.ToJsonString()));
        if (AwsRecordedCorpus.Present)
        {
            seeds.AddRange(AwsRecordedCorpus.JsonPathCases().Select(c => c["definition"]!.ToJsonString()));
        }

        return seeds;
    }

    private static string Mutate(string definition, Random random)
    {
        var root = JsonNode.Parse(definition)!;
        for (var steps = random.Next(1, 4); steps > 0; steps--)
        {
            var nodes = Flatten(root).ToList();
            var target = nodes[random.Next(nodes.Count)];
            switch (random.Next(4))
            {
                case 0 when target.Parent is JsonObject parent:
                    parent.Remove(target.GetPropertyName());
                    break;
                case 1 when target.Parent is JsonObject parent:
                    parent[target.GetPropertyName()] = Odd[random.Next(Odd.Length)]?.DeepClone();
                    break;
                case 2 when target.Parent is JsonArray array:
                    array[target.GetElementIndex()] = Odd[random.Next(Odd.Length)]?.DeepClone();
                    break;
                case 3 when target is JsonObject obj && obj.Count > 0:
                    obj[obj.First().Key + "X"] = Odd[random.Next(Odd.Length)]?.DeepClone();
                    break;
            }
        }

        var text = root.ToJsonString();
        return random.Next(10) switch
        {
            0 => text[..random.Next(text.Length)],
            1 => text.Replace("\"Type\":", "\"Type\":\"Pass\",\"Type\":", StringComparison.Ordinal),
            _ => text,
        };
    }

    private static IEnumerable<JsonNode> Flatten(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Flatten))
        {
            yield return child;
        }
    }

    /// <summary>One API call; a 5xx or .NET text is noted as a problem. Returns the answer when it was a 200.</summary>
    private static async Task<JsonNode?> CallAsync(HttpClient http, string operation, JsonObject body, List<string> problems, string mutant)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500)
        {
            problems.Add($"{mutant} {operation}: {(int)response.StatusCode} {text}");
        }

        if (DotNetText().IsMatch(text))
        {
            problems.Add($"{mutant} {operation}: .NET text in {text[..Math.Min(text.Length, 400)]}");
        }

        return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(text) : null;
    }

    /// <summary>Marks of .NET exception text: type names, stack frames, argument-check wording.</summary>
    [GeneratedRegex(@"System\.[A-Z]|Exception in the state|\(Parameter '|\bat [A-Z]\w+\.[A-Z]\w+\(|Nullable object|Object reference not set|JsonDocumentOptions|BytePositionInLine")]
    private static partial Regex DotNetText();
}
