using System.Text.Json.Nodes;

namespace ReviewerPortal.Tests.Engine.Conformance;

/// <summary>
/// The same conformance cases on moto's executing Step Functions server and on the local engine: both must end the
/// same way (status, output, error). Cases where moto departs from AWS's documented behaviour say so in their data
/// and are not run here.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MotoConformanceTests(MotoStepFunctions moto) : IClassFixture<MotoStepFunctions>
{
    public static TheoryData<string> ComparableCases()
    {
        var data = new TheoryData<string>();
        foreach (var testCase in ConformanceCase.All().Where(c => c.ComparableWithMoto))
        {
            data.Add(testCase.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ComparableCases))]
    public async Task Moto_and_the_local_engine_end_the_case_the_same_way(string id)
    {
        var testCase = ConformanceCase.Find(id);
        var name = "c" + Math.Abs(id.GetHashCode(StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var onMoto = await moto.RunAsync(name, testCase.Definition.ToJsonString().Replace("\"conformance\"", "\"" + name + "\"", StringComparison.Ordinal), testCase.Input);
        await using var runner = new LocalConformanceRunner(testCase);
        var local = await runner.RunAsync();

        var motoStatus = onMoto["status"]!.GetValue<string>();
        motoStatus.Should().Be(local.Status!.Value, "moto ended {0} with {1}", id, onMoto.ToJsonString());
        if (motoStatus == "SUCCEEDED")
        {
            var expected = testCase.Expect["output"];
            var motoOutput = MotoOutput(onMoto["output"]!.GetValue<string>());
            if (id.EndsWith("parameters-with-context-object", StringComparison.Ordinal))
            {
                motoOutput!["sm"] = "conformance";
            }

            JsonNode.DeepEquals(motoOutput, JsonNode.Parse(local.Output!)).Should().BeTrue("moto output {0}, local {1}", motoOutput?.ToJsonString(), local.Output);
            JsonNode.DeepEquals(motoOutput, expected).Should().BeTrue();
        }
        else
        {
            onMoto["error"]?.GetValue<string>().Should().Be(local.Error, "moto: {0}", onMoto.ToJsonString());
        }
    }

    /// <summary>moto writes a string output bare (<c>yes</c> rather than <c>"yes"</c>); read that as the string it is.</summary>
    private static JsonNode? MotoOutput(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
