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

    /// <summary>A loopback port for a server that must be told its port before it starts (see <see cref="ReservedPorts"/>).</summary>
    public static int FreePort() => ReservedPorts.Next();

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
        // A deadline, not a wait: a server that starts listens at once. moto imports for seconds, and with browsers,
        // builds and other servers sharing 2 cores it has been seen to need more than 30 s.
        await server.WaitUntilListeningAsync(startTimeout ?? TimeSpan.FromSeconds(90));
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
