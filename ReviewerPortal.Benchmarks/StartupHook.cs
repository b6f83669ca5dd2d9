using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// The managed-memory probe the circuit-memory benchmark loads into a portal process through
/// <c>DOTNET_STARTUP_HOOKS</c>, so that any build of the portal (also one from before this benchmark existed) can be
/// measured unchanged. Each connection to <c>127.0.0.1:$PORTAL_MEMORY_PROBE_PORT</c> collects garbage fully and
/// answers with the bytes still allocated on the managed heap.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook outside any namespace.")]
[SuppressMessage("Maintainability", "CA1515:Consider making public types internal", Justification = "The runtime calls StartupHook.Initialize by reflection.")]
public static class StartupHook
{
    public const string PortVariable = "PORTAL_MEMORY_PROBE_PORT";

    public static void Initialize()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable(PortVariable), CultureInfo.InvariantCulture, out var port))
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        new Thread(() => Serve(listener)) { IsBackground = true, Name = "memory probe" }.Start();
    }

    private static void Serve(TcpListener listener)
    {
        while (true)
        {
            using var client = listener.AcceptTcpClient();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var bytes = GC.GetTotalMemory(forceFullCollection: true);
            client.GetStream().Write(Encoding.ASCII.GetBytes(bytes.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
