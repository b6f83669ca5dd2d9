using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// moto on loopback, started through <c>tools/moto/run_moto.py</c> as the tests' fixture starts it: the AWS peer of the
/// benchmarks (an executing Step Functions server, and a DynamoDB that serves transactions, which dynalite does not).
/// </summary>
internal sealed class MotoServer : IDisposable
{
    private readonly Process _process;

    private MotoServer(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="executeStateMachines">Make moto's Step Functions really run state machines (off by default in moto).</param>
    public static async Task<MotoServer> StartAsync(bool executeStateMachines = false)
    {
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(new ProcessStartInfo("python3", [Path.Combine(BenchmarkArgs.RepoRoot(), "tools", "moto", "run_moto.py"), port])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["AWS_ACCESS_KEY_ID"] = "testing", ["AWS_SECRET_ACCESS_KEY"] = "testing", ["AWS_DEFAULT_REGION"] = "us-east-1", ["MOTO_PORT"] = port },
        }) ?? throw new InvalidOperationException("Could not start python3 tools/moto/run_moto.py.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            using var http = new HttpClient { BaseAddress = server.Address };
            await WaitUntilUpAsync(http);
            if (executeStateMachines)
            {
                // A plain string body: moto's config endpoint fails on chunked JSON.
                using var config = new StringContent("""{"stepfunctions":{"execute_state_machine":true}}""", Encoding.UTF8, "application/json");
                (await http.PostAsync(new Uri("/moto-api/config", UriKind.Relative), config)).EnsureSuccessStatusCode();
            }

            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private static async Task WaitUntilUpAsync(HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/moto-api/", UriKind.Relative));
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
