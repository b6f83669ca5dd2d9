using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Tests.Engine.Conformance;

/// <summary>Every JSONPath case AWS recorded ends on the local engine as it ended on AWS (in process, a few seconds).</summary>
public sealed class AwsRecordedCorpusTests
{
    [AwsRecordedCorpusFact]
    public async Task The_local_engine_ends_every_aws_recorded_JSONPath_case_as_AWS_did()
    {
        var cases = AwsRecordedCorpus.JsonPathCases();
        var failures = await FailuresAsync(cases);

        cases.Should().HaveCountGreaterThan(300, "the corpus holds 378 JSONPath cases");
        failures.Should().BeEmpty("{0} of {1} cases ended otherwise than on AWS", failures.Count, cases.Count);
    }

    [AwsRecordedCorpusFact]
    public async Task The_local_engine_ends_every_aws_recorded_JSONata_case_as_AWS_did()
    {
        var cases = AwsRecordedCorpus.JsonataCases();
        var failures = await FailuresAsync(cases);

        cases.Should().HaveCount(54, "the corpus holds 54 JSONata cases");
        failures.Should().BeEmpty("{0} of {1} cases ended otherwise than on AWS", failures.Count, cases.Count);
    }

    private static async Task<ConcurrentBag<string>> FailuresAsync(IEnumerable<JsonObject> cases)
    {
        var failures = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (testCase, _) =>
        {
            if (await RunAsync(testCase) is { } failure)
            {
                failures.Add($"{testCase["name"]}: {failure}");
            }
        });

        return failures;
    }

    private static async Task<string?> RunAsync(JsonObject testCase)
    {
        await using var engine = EngineHarness.InMemory();
        string arn;
        try
        {
            arn = await engine.StartAsync(await engine.CreateAsync(testCase["definition"]!.ToJsonString()), testCase["input"]?.ToJsonString() ?? "{}");
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            return $"{e.ErrorCode}: {e.Message}";
        }

        var ended = await engine.RunToEndAsync(arn, EngineHarness.EveryTimer);
        var expect = testCase["expect"]!.AsObject();
        var status = expect["status"]!.GetValue<string>();
        if (ended.Status!.Value != status)
        {
            return $"{ended.Status.Value} instead of {status} ({ended.Error}: {ended.Cause})";
        }

        if (status == "SUCCEEDED" && expect.ContainsKey("output"))
        {
            return AwsRecordedCorpus.Difference(expect["output"], EngineHarness.Json(ended.Output), AwsRecordedCorpus.DontCare(expect));
        }

        if (expect.ContainsKey("error") && ended.Error != expect["error"]?.GetValue<string>())
        {
            return $"error {ended.Error ?? "none"} instead of {expect["error"]?.GetValue<string>() ?? "none"}";
        }

        var cause = expect["cause"]?.GetValue<string>();
        // A cause the recording stored through a placeholder (an ARN, an input) is not compared.
        var placeholder = expect["cause_dont_care"] is JsonValue flag && flag.GetValue<bool>();
        return cause is not null && !placeholder && ended.Cause != cause ? $"cause '{ended.Cause}' instead of '{cause}'" : null;
    }
}
