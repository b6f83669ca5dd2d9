using System.Globalization;

namespace ReviewerPortal.Operations;

/// <summary>
/// <c>ReviewerPortal --healthcheck</c>: asks the running portal's <c>/healthz</c> on this machine and exits 0 or 1. The
/// container's HEALTHCHECK runs it, so the small runtime image needs no curl or wget.
/// </summary>
public static class HealthProbe
{
    public const string Argument = "--healthcheck";

    public static bool IsRequested(string[] args) => args is [Argument];

    /// <summary>The port comes from the same setting Kestrel listens on: <c>ASPNETCORE_HTTP_PORTS</c> (first entry), else 8080.</summary>
    public static async Task<int> RunAsync()
    {
        var ports = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS");
        var first = ports?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var port = int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 8080;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz")).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"/healthz on port {port}: {(int)response.StatusCode}").ConfigureAwait(false);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await Console.Out.WriteLineAsync($"/healthz on port {port}: no answer ({e.GetType().Name})").ConfigureAwait(false);
            return 1;
        }
    }
}
