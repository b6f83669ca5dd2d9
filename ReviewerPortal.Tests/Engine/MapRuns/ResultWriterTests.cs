using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>ResultWriter writes manifest.json and one file per outcome under {Prefix}/{mapRunId}/, in AWS's shapes.</summary>
public sealed class ResultWriterTests : IDisposable
{
    private readonly TempDirectory objects = new("result-writer");

    [Fact]
    public async Task Results_are_written_file_by_file_and_the_state_returns_the_manifest_location()
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("""
            "ItemsPath":"$.items","ToleratedFailureCount":1,
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix.$":"$.prefix"}}
            """), "backfill");
        var arn = await engine.StartAsync(machine, """{"prefix":"runs/nightly","items":[{"id":1},{"id":2,"fail":true},{"id":3}]}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        var output = EngineHarness.Json(done.Output)!;
        var mapRunArn = output["MapRunArn"]!.GetValue<string>();
        var id = mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];
        output["ResultWriterDetails"]!["Bucket"]!.GetValue<string>().Should().Be("results");
        output["ResultWriterDetails"]!["Key"]!.GetValue<string>().Should().Be($"runs/nightly/{id}/manifest.json");

        var manifest = Read($"results/runs/nightly/{id}/manifest.json");
        manifest["DestinationBucket"]!.GetValue<string>().Should().Be("results");
        manifest["MapRunArn"]!.GetValue<string>().Should().Be(mapRunArn);
        var files = manifest["ResultFiles"]!;
        files["PENDING"]!.AsArray().Should().BeEmpty();
        var succeededFile = files["SUCCEEDED"]!.AsArray().Should().ContainSingle().Subject!;
        succeededFile["Key"]!.GetValue<string>().Should().Be($"runs/nightly/{id}/SUCCEEDED_0.json");
        succeededFile["Size"]!.GetValue<long>().Should().Be(new FileInfo(Path.Combine(objects.Path, "results", $"runs/nightly/{id}/SUCCEEDED_0.json")).Length);

        var succeeded = Read($"results/runs/nightly/{id}/SUCCEEDED_0.json").AsArray();
        succeeded.Should().HaveCount(2);
        succeeded.Select(r => JsonNode.Parse(r!["Output"]!.GetValue<string>())!["id"]!.GetValue<int>()).Should().Equal(1, 3);
        var first = succeeded[0]!.AsObject();
        first.Select(p => p.Key).Should().Contain(["ExecutionArn", "Input", "InputDetails", "Name", "Output", "OutputDetails", "StartDate", "StateMachineArn", "Status", "StopDate"]);
        first["Status"]!.GetValue<string>().Should().Be("SUCCEEDED");
        first["StateMachineArn"]!.GetValue<string>().Should().Be("arn:aws:states:us-east-1:123456789012:stateMachine:backfill/Batch");
        JsonNode.Parse(first["Input"]!.GetValue<string>())!["id"]!.GetValue<int>().Should().Be(1);

        var failed = Read(files["FAILED"]![0]!["Key"]!.GetValue<string>() is var key ? $"results/{key}" : string.Empty).AsArray();
        var failure = failed.Should().ContainSingle().Subject!;
        failure["Status"]!.GetValue<string>().Should().Be("FAILED");
        failure["Error"]!.GetValue<string>().Should().Be("ItemFailed");
        failure["Cause"]!.GetValue<string>().Should().Be("the item was marked to fail");
        failure.AsObject().ContainsKey("Output").Should().BeFalse();

        var described = await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn });
        described.ItemCounts!.ResultsWritten.Should().Be(3);
    }

    private JsonNode Read(string relativePath) => JsonNode.Parse(File.ReadAllText(Path.Combine(objects.Path, relativePath)))!;

    public void Dispose() => objects.Dispose();
}
