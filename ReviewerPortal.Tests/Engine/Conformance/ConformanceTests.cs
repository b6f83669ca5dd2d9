using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Engine.Conformance;

public sealed class ConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in ConformanceCase.All())
        {
            data.Add(testCase.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_local_engine_ends_each_case_as_expected(string id)
    {
        var testCase = ConformanceCase.Find(id);
        await using var runner = new LocalConformanceRunner(testCase);

        var result = await runner.RunAsync();

        ExpectedEnd.Check(testCase, result.Status!.Value, result.Output, result.Error, result.Cause);
    }
}

/// <summary>Compares how an execution ended with a case's expectation.</summary>
public static class ExpectedEnd
{
    public static void Check(ConformanceCase testCase, string status, string? output, string? error, string? cause)
    {
        var expect = testCase.Expect;
        status.Should().Be(expect["status"]!.GetValue<string>(), "{0} ended with error {1}: {2}", testCase.Id, error, cause);
        if (expect["output"] is { } expectedOutput || expect.ContainsKey("output"))
        {
            var actual = output is null ? null : JsonNode.Parse(output);
            JsonNode.DeepEquals(actual, expect["output"]).Should().BeTrue("{0} output was {1}", testCase.Id, output);
        }

        if (expect["outputKeys"] is JsonArray keys)
        {
            JsonNode.Parse(output!)!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)
                .Should().Equal(keys.Select(k => k!.GetValue<string>()));
        }

        if (expect.ContainsKey("error"))
        {
            // "error": null means AWS reports none at all (a Fail state without Error, an execution timeout).
            error.Should().Be(expect["error"]?.GetValue<string>(), "{0} failed with cause {1}", testCase.Id, cause);
        }

        if (expect["cause"] is { } expectedCause)
        {
            cause.Should().Be(expectedCause.GetValue<string>());
        }
    }
}
