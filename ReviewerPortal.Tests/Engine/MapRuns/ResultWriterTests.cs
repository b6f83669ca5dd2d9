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

    [Fact]
    public async Task Items_never_started_when_the_Map_Run_failed_are_listed_in_the_PENDING_file()
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("""
            "ItemsPath":"$.items","MaxConcurrency":1,
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"stopped"}}
            """));
        var arn = await engine.StartAsync(machine, """{"items":[{"id":1,"fail":true},{"id":2},{"id":3}]}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.FAILED, "one at a time, without a tolerance: the first failure ends the Map Run");
        var mapRunArn = (await engine.HistoryAsync(arn)).Single(e => e.Type == "MapRunStarted").MapRunStartedEventDetails!.MapRunArn!;
        var id = mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];
        var manifest = Read($"results/stopped/{id}/manifest.json");
        manifest["ResultFiles"]!["PENDING"]!.AsArray().Select(f => f!["Key"]!.GetValue<string>()).Should().Equal($"stopped/{id}/PENDING_0.json");
        var pending = Read($"results/stopped/{id}/PENDING_0.json").AsArray();
        pending.Select(r => JsonNode.Parse(r!["Input"]!.GetValue<string>())!["id"]!.GetValue<int>()).Should().Equal(2, 3);
        pending.Should().OnlyContain(r => r!["Status"]!.GetValue<string>() == "PENDING" && r["InputDetails"]!["Included"]!.GetValue<bool>());
        pending.Should().OnlyContain(r => !r!.AsObject().ContainsKey("ExecutionArn"), "an item never started has no execution");
        var failed = Read($"results/stopped/{id}/FAILED_0.json").AsArray().Should().ContainSingle().Subject!;
        failed["RedriveStatus"]!.GetValue<string>().Should().Be("REDRIVABLE_BY_MAP_RUN", "redriving the parent runs the failed Express child again");
        (await engine.Api.DescribeMapRunAsync(new DescribeMapRunRequest { MapRunArn = mapRunArn })).ItemCounts!.ResultsWritten.Should().Be(1);
    }

    [Fact]
    public async Task Each_result_carries_its_childs_own_redrive_status()
    {
        // One at a time, one failure tolerated: item 0 fails at once, item 1 waits 15 days, item 2 fails past the
        // tolerance. When the results are written, item 0's Standard child ended more than 14 days before.
        var work = new MapRunItemWork { Broken = new HashSet<int> { 0, 2 } };
        await using var engine = EngineHarness.WithObjects(objects.Path, functions: [work.Function]);
        const string processor = """
            {"StartAt":"Later","States":{
              "Later":{"Type":"Choice","Choices":[{"Variable":"$.wait","IsPresent":true,"Next":"Wait"}],"Default":"Work"},
              "Wait":{"Type":"Wait","Seconds":1296000,"Next":"Work"},
              "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
            """;
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map("""
            "ItemsPath":"$.items","MaxConcurrency":1,"ToleratedFailureCount":1,
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"late"}}
            """, "STANDARD", processor));
        var arn = await engine.StartAsync(machine, """{"items":[{"n":0},{"n":1,"wait":true},{"n":2}]}""");
        var mapRunArn = (await engine.WaitForEventAsync(arn, "MapRunStarted")).MapRunStartedEventDetails!.MapRunArn!;
        await MapRunWaits.UntilAsync(engine, mapRunArn, d => d.ExecutionCounts!.Failed == 1 && d.ExecutionCounts.Running == 1);
        await engine.Time.UntilPendingTimersAsync(1); // item 1's Wait
        engine.Time.Advance(TimeSpan.FromDays(15));

        (await engine.RunToEndAsync(arn)).Status.Should().Be(ExecutionStatus.FAILED);

        var id = mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];
        var failed = Read($"results/late/{id}/FAILED_0.json").AsArray();
        failed.Select(r => (r!["RedriveStatus"]!.GetValue<string>(), r["RedriveStatusReason"]?.GetValue<string>())).Should().Equal(
            ("NOT_REDRIVABLE", "Execution redrivable period exceeded."),
            ("REDRIVABLE_BY_MAP_RUN", null));
        var succeeded = Read($"results/late/{id}/SUCCEEDED_0.json").AsArray().Should().ContainSingle().Subject!;
        succeeded["RedriveStatus"]!.GetValue<string>().Should().Be("NOT_REDRIVABLE");
        succeeded["RedriveStatusReason"]!.GetValue<string>().Should().Be("Execution is SUCCEEDED and cannot be redriven.");
    }

    [Theory]
    [InlineData("JSON")]
    [InlineData("JSONL")]
    public async Task A_result_file_ends_before_it_would_pass_the_size_limit_and_the_next_one_takes_over(string outputType)
    {
        const long limit = 1_000;
        await using var engine = EngineHarness.WithObjects(objects.Path);
        engine.Engine.DistributedMaps.ResultFileMaxBytes = limit;
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map($$$"""
            "ItemsPath":"$.items",
            "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"split"},
              "WriterConfig":{"Transformation":"NONE","OutputType":"{{{outputType}}}"}}
            """));
        var arn = await engine.StartAsync(machine, """{"items":[{"id":10},{"id":11},{"id":12},{"id":13},{"id":14}]}""");

        var done = await engine.RunToEndAsync(arn);

        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        var manifest = Read(Path.Combine("results", EngineHarness.Json(done.Output)!["ResultWriterDetails"]!["Key"]!.GetValue<string>()));
        var files = manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray();
        var extension = outputType == "JSONL" ? "jsonl" : "json";
        files.Select(f => f!["Key"]!.GetValue<string>()).Should().HaveCountGreaterThan(1)
            .And.SatisfyRespectively(Enumerable.Range(0, files.Count).Select(n => (Action<string>)(key => key.Should().EndWith($"/SUCCEEDED_{n}.{extension}"))));
        var ids = new List<int>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(Path.Combine(objects.Path, "results", file!["Key"]!.GetValue<string>()));
            file["Size"]!.GetValue<long>().Should().Be(System.Text.Encoding.UTF8.GetByteCount(text));
            var results = outputType == "JSONL"
                ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)).ToList()
                : [.. JsonNode.Parse(text)!.AsArray()];
            (text.Length <= limit || results.Count == 1).Should().BeTrue("a file passes the limit only with a single result in it");
            ids.AddRange(results.Select(r => JsonNode.Parse(r!["Output"]!.GetValue<string>())!["id"]!.GetValue<int>()));
        }

        ids.Should().Equal(10, 11, 12, 13, 14);
    }

    private JsonNode Read(string relativePath) => JsonNode.Parse(File.ReadAllText(Path.Combine(objects.Path, relativePath)))!;

    public void Dispose() => objects.Dispose();
}
