using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// A real server process (moto, dynalite, oidc-provider, …) started by a test on a free loopback port and stopped with it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _log = new();

    private LoopbackServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    /// <summary>What the process printed so far, for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>A loopback port for a server that must be told its port before it starts.</summary>
    /// <remarks>
    /// Not a port the kernel hands out for port 0: once released, such a port can go to the next bind to port 0
    /// (Kestrel in another test) before our server binds it. That happened in CI: a moto fixture reached an
    /// Oidc-mode portal on its port and got 401. These ports come from below the kernel's ephemeral range, where
    /// neither port-0 binds nor outgoing connections land, and no port is given out twice in one test run.
    /// </remarks>
    public static int FreePort()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref s_lastPort);
            if (port >= EphemeralRangeStart)
            {
                throw new InvalidOperationException($"No loopback port left below {EphemeralRangeStart} for test servers.");
            }

            if (CanBind(port))
            {
                return port;
            }
        }
    }

    private static readonly int EphemeralRangeStart = ReadEphemeralRangeStart();

    // A random start keeps two test runs on one machine from walking the same ports.
    private static int s_lastPort = 10_000 + Random.Shared.Next(12_000);

    private static int ReadEphemeralRangeStart()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var text = File.Exists(RangeFile) ? File.ReadAllText(RangeFile) : "";
        var first = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(first, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 32768;
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Starts <paramref name="fileName"/> with arguments built from the chosen port; waits until it accepts connections.</summary>
    public static async Task<LoopbackServer> StartAsync(
        string fileName,
        Func<int, IEnumerable<string>> arguments,
        IDictionary<string, string>? environment = null,
        TimeSpan? startTimeout = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments(port))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var server = new LoopbackServer(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync(startTimeout ?? TimeSpan.FromSeconds(30));
        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await DisposeAsync();
        throw new TimeoutException($"{_process.StartInfo.FileName} did not listen on {Port} within {timeout}:\n{Log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
