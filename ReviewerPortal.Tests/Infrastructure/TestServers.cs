namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>How the tests start the AWS-compatible servers of this machine (docs/platform.md lists them).</summary>
public static class TestServers
{
    /// <summary>Credentials the local servers accept; they never check signatures.</summary>
    public static IReadOnlyDictionary<string, string> FakeAwsEnvironment { get; } = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_DEFAULT_REGION"] = "us-east-1",
    };

    /// <summary>moto_server with the StartExecution fix, and Step Functions set to really execute state machines.</summary>
    /// <remarks>Always give executions a name on moto: unnamed ones collide as <c>…:None</c>.</remarks>
    /// <param name="environment">More of moto's settings, e.g. <c>MOTO_ECS_SERVICE_RUNNING</c>.</param>
    public static async Task<LoopbackServer> StartMotoAsync(IReadOnlyDictionary<string, string>? environment = null, TimeSpan? startTimeout = null)
    {
        var settings = new Dictionary<string, string>(FakeAwsEnvironment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var server = await LoopbackServer.StartAsync(
            "python3",
            port => [Path.Combine(RepoPaths.Tools, "moto", "run_moto.py"), port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            settings,
            startTimeout);
        using var http = new HttpClient { BaseAddress = server.BaseUri };
        // A plain string body: moto's config endpoint fails on chunked JSON.
        using var body = new StringContent("""{"stepfunctions":{"execute_state_machine":true}}""", System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/moto-api/config", UriKind.Relative), body);
        response.EnsureSuccessStatusCode();
        return server;
    }

    /// <summary>dynalite: a fast in-memory DynamoDB (no transactions, no TTL).</summary>
    public static Task<LoopbackServer> StartDynaliteAsync() =>
        LoopbackServer.StartAsync(
            "node",
            port => [Path.Combine(RepoPaths.NodeModules, "dynalite", "cli.js"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
}
