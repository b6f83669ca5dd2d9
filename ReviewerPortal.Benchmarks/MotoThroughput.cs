using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Benchmarks;

/// <summary>Runs a definition on moto's executing Step Functions server (tools/moto/run_moto.py) and times it.</summary>
internal static class MotoThroughput
{
    /// <summary>moto measured with raw JSON 1.0 calls and, in the same moto process, through boto3.</summary>
    public static async Task<(Throughput Raw, Throughput Boto3)> MeasureAsync(string definition, int executions)
    {
        var port = FreePort();
        using var moto = Process.Start(new ProcessStartInfo("python3", [Path.Combine(RepoRoot(), "tools", "moto", "run_moto.py"), port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_DEFAULT_REGION"] = "us-east-1", ["MOTO_PORT"] = port.ToString(CultureInfo.InvariantCulture) },
        })!;
        moto.BeginOutputReadLine();
        moto.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilUpAsync(http);
            using (var config = new StringContent("""{"stepfunctions":{"execute_state_machine":true}}""", Encoding.UTF8, "application/json"))
            {
                (await http.PostAsync(new Uri("/moto-api/config", UriKind.Relative), config)).EnsureSuccessStatusCode();
            }

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
        finally
        {
            moto.Kill(entireProcessTree: true);
        }
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

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/moto-api/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException("moto did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found.");
    }
}
