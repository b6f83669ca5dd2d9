using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// A built portal (<c>ReviewerPortal.dll</c>) started as its own process the way <c>dotnet run</c> starts it
/// (Development environment, Local mode, demo cases on a fresh data folder), with the memory probe
/// (<see cref="StartupHook"/>) loaded into it.
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly int _probePort;
    private readonly DirectoryInfo _data;

    private PortalProcess(Process process, int probePort, DirectoryInfo data, Uri address)
    {
        _process = process;
        _probePort = probePort;
        _data = data;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<PortalProcess> StartAsync(string portalDll, int port, int probePort)
    {
        var data = Directory.CreateTempSubdirectory("circuit-memory-");
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet", [portalDll, "--urls", address.ToString()])
        {
            WorkingDirectory = Path.GetDirectoryName(portalDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Portal__DataDirectory"] = data.FullName;
        start.Environment["LocalEngine__ApiUrl"] = ""; // No second listener on 8083: two portals may run side by side.
        start.Environment["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location;
        start.Environment[StartupHook.PortVariable] = probePort.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  portal: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, probePort, data, address);
        await portal.WaitUntilServingAsync();
        return portal;
    }

    /// <summary>Managed heap bytes after a full, compacting collection in the portal process.</summary>
    public async Task<long> ManagedBytesAsync()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _probePort);
        using var reader = new StreamReader(client.GetStream());
        return long.Parse(await reader.ReadToEndAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>With a folder given, writes the portal's heap there as NAME.gcdump (dotnet-gcdump collects fully first).</summary>
    public async Task HeapDumpAsync(string folder, string name)
    {
        if (folder.Length == 0)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        var output = Path.Combine(Path.GetFullPath(folder), name + ".gcdump");
        using var dump = Process.Start(new ProcessStartInfo("dotnet-gcdump", ["collect", "-p", _process.Id.ToString(CultureInfo.InvariantCulture), "-o", output])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("dotnet-gcdump did not start.");
        await dump.StandardOutput.ReadToEndAsync();
        await dump.WaitForExitAsync();
        Console.WriteLine($"  heap dump: {output} (dotnet-gcdump exit {dump.ExitCode})");
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"The portal at {Address} did not answer /healthz (exited: {_process.HasExited}).");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _data.Delete(recursive: true);
    }
}
