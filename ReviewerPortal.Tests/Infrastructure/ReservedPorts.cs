using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// Loopback ports for test servers that must be told their port before they start (moto, dynalite, oidc-provider,
/// the portal an OIDC test redirects to).
/// </summary>
/// <remarks>
/// Never a port the kernel hands out for port 0: once released, such a port can go to the next bind to port 0
/// (Kestrel in another test) before our server binds it. That happened in CI: a moto fixture reached an Oidc-mode
/// portal on moto's port and got 401. These ports come from beside the kernel's ephemeral range, where neither port-0
/// binds nor outgoing connections land, and none is given out twice in one test run.
/// </remarks>
internal static class ReservedPorts
{
    private static readonly (int First, int Last) Pool = BesideEphemeralRange(ReadEphemeralRange());

    // A random start in the pool's first half keeps two test runs on one machine from walking the same ports.
    private static int s_last = Pool.First - 1 + Random.Shared.Next((Pool.Last - Pool.First) / 2);

    public static int Next()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref s_last);
            if (port > Pool.Last)
            {
                throw new InvalidOperationException($"No loopback port left in {Pool.First}–{Pool.Last} for test servers.");
            }

            if (CanBind(port))
            {
                return port;
            }
        }
    }

    /// <summary>The larger of the two gaps beside the ephemeral range, above the privileged ports.</summary>
    private static (int First, int Last) BesideEphemeralRange((int First, int Last) ephemeral)
    {
        (int First, int Last) below = (1024, ephemeral.First - 1);
        (int First, int Last) above = (ephemeral.Last + 1, IPEndPoint.MaxPort);
        return below.Last - below.First >= above.Last - above.First ? below : above;
    }

    private static (int First, int Last) ReadEphemeralRange()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var bounds = (File.Exists(RangeFile) ? File.ReadAllText(RangeFile) : "")
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(text => int.TryParse(text, CultureInfo.InvariantCulture, out var port) ? port : -1)
            .ToArray();
        // Linux's default when the file cannot be read.
        return bounds is [> 0 and var first, > 0 and var last] ? (first, last) : (32768, 60999);
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
}
