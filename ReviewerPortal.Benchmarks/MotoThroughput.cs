using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Benchmarks;

/// <summary>Runs a definition on moto's executing Step Functions server (tools/moto/run_moto.py) and times it.</summary>
internal static class MotoThroughput
{
    /// <summary>moto measured with raw JSON 1.0 calls and, in the same moto process, through boto3.</summary>
    public static async Task<(Throughput Raw, Throughput Boto3)> MeasureAsync(string definition, int executions)
    {
        using var moto = await MotoServer.StartAsync(executeStateMachines: true);
        using var http = new HttpClient { BaseAddress = moto.Address };
        var machine = (await CallAsync(http, "CreateStateMachine", new JsonObject { ["name"] = "chain", ["definition"] = definition, ["roleArn"] = "arn:aws:iam::123456789012:role/x" }))["stateMachineArn"]!.GetValue<string>();
        var clock = Stopwatch.StartNew();
        var arns = new List<string>();
        for (var i = 0; i < executions; i++)
        {
            var started = await CallAsync(http, "StartExecution", new JsonObject
            {
                ["stateMachineArn"] = machine, ["name"] = "run-" + i.ToString(CultureInfo.InvariantCulture), ["input"] = $$"""{"caseId":"case-{{i}}","n":{{i % 10}}}""",
            });
            arns.Add(started["executionArn"]!.GetValue<string>());
        }

        foreach (var arn in arns)
        {
            while ((await CallAsync(http, "DescribeExecution", new JsonObject { ["executionArn"] = arn }))["status"]!.GetValue<string>() == "RUNNING")
            {
                await Task.Delay(5);
            }
        }

        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        var boto3 = await Boto3Throughput.MeasureAsync(http.BaseAddress!, definition, executions, 10);
        return (new Throughput(executions / seconds, executions * 10 / seconds), boto3);
    }

    private static async Task<JsonObject> CallAsync(HttpClient http, string operation, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions." + operation);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260105/us-east-1/states/aws4_request, SignedHeaders=host, Signature=0");
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : throw new InvalidOperationException($"moto {operation}: {text}");
    }
}
