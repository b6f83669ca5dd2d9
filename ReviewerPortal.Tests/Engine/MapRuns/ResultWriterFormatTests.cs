using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>ResultWriter's WriterConfig: the Transformation (NONE, COMPACT, FLATTEN) and OutputType (JSON, JSONL) of the result files.</summary>
public sealed class ResultWriterFormatTests : IDisposable
{
    /// <summary>Each child returns <c>[id, id]</c>, or fails when its item is marked <c>fail</c>.</summary>
    private const string Pairs = """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","IsPresent":true,"Next":"Fail"}],"Default":"Pair"},
          "Fail":{"Type":"Fail","Error":"ItemFailed","Cause":"the item was marked to fail"},
          "Pair":{"Type":"Pass","Parameters":{"ids.$":"States.Array($.id, $.id)"},"OutputPath":"$.ids","End":true}}}
        """;

    private readonly TempDirectory objects = new("result-writer-format");

    [Fact]
    public async Task COMPACT_writes_only_the_outputs_as_a_JSON_array_and_a_failed_execution_whole()
    {
        var files = await RunAsync("""{"Transformation":"COMPACT","OutputType":"JSON"}""");

        files["SUCCEEDED"].Key.Should().EndWith("/SUCCEEDED_0.json");
        JsonNode.Parse(files["SUCCEEDED"].Text)!.ToJsonString().Should().Be("[[1,1],[3,3]]");
        var failed = JsonNode.Parse(files["FAILED"].Text)!.AsArray().Should().ContainSingle().Subject!;
        failed["Status"]!.GetValue<string>().Should().Be("FAILED");
        failed["Error"]!.GetValue<string>().Should().Be("ItemFailed");
        JsonNode.Parse(failed["Input"]!.GetValue<string>())!["id"]!.GetValue<int>().Should().Be(2);
    }

    [Fact]
    public async Task FLATTEN_as_JSONL_writes_each_element_of_the_array_outputs_on_its_own_line()
    {
        var files = await RunAsync("""{"Transformation":"FLATTEN","OutputType":"JSONL"}""");

        files["SUCCEEDED"].Key.Should().EndWith("/SUCCEEDED_0.jsonl");
        files["SUCCEEDED"].Text.Should().Be("1\n1\n3\n3\n");
        files["FAILED"].Key.Should().EndWith("/FAILED_0.jsonl");
        var lines = files["FAILED"].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle();
        JsonNode.Parse(lines[0])!["Cause"]!.GetValue<string>().Should().Be("the item was marked to fail");
    }

    [Fact]
    public async Task NONE_as_JSONL_writes_each_full_result_on_its_own_line()
    {
        var files = await RunAsync("""{"Transformation":"NONE","OutputType":"JSONL"}""");

        var lines = files["SUCCEEDED"].Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Select(l => JsonNode.Parse(JsonNode.Parse(l)!["Output"]!.GetValue<string>())!.ToJsonString()).Should().Equal("[1,1]", "[3,3]");
    }

    [Fact]
    public async Task An_unknown_Transformation_is_refused_when_the_state_machine_is_created()
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);

        var create = () => engine.CreateAsync(Definition("""{"Transformation":"SQUASH"}"""));

        (await create.Should().ThrowAsync<InvalidDefinitionException>()).Which.Message.Should().Contain("'SQUASH' is not a WriterConfig Transformation (NONE, COMPACT or FLATTEN)");
    }

    private async Task<Dictionary<string, (string Key, string Text)>> RunAsync(string writerConfig)
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);
        var arn = await engine.StartAsync(await engine.CreateAsync(Definition(writerConfig), "shaped"), """{"items":[{"id":1},{"id":2,"fail":true},{"id":3}]}""");
        var done = await engine.RunToEndAsync(arn);
        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        var manifestKey = EngineHarness.Json(done.Output)!["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(objects.Path, "results", manifestKey)))!;
        return manifest["ResultFiles"]!.AsObject()
            .Where(f => f.Value!.AsArray().Count > 0)
            .ToDictionary(f => f.Key, f => f.Value![0]!["Key"]!.GetValue<string>() is var key ? (key, File.ReadAllText(Path.Combine(objects.Path, "results", key))) : default);
    }

    private static string Definition(string writerConfig) => DistributedMapDefinitions.Map(
        $$"""
        "ItemsPath":"$.items","ToleratedFailureCount":1,
        "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"shaped"},"WriterConfig":{{writerConfig}}}
        """,
        "EXPRESS",
        Pairs);

    public void Dispose() => objects.Dispose();
}
