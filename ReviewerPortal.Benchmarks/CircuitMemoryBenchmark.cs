using System.Globalization;
using Microsoft.Playwright;

namespace ReviewerPortal.Benchmarks;

/// <summary>
/// Server memory per live queue page: a built portal runs as its own process, Chromium opens the urgent queue in
/// <c>--circuits</c> tabs (one Blazor Server circuit each, all kept open), and the portal's managed heap after a full
/// collection is read before and after. Compare builds with <c>--portal</c>. Radzen.Blazor is gone from this tree, so
/// the figure from before the migration is a recorded one (<see cref="RadzenBeforeKb"/>: the Radzen build of ba4b005,
/// 100 circuits, measured with this benchmark). Goal: ≤ 300 KB per circuit.
/// </summary>
/// <remarks>
/// Options: <c>--portal path/ReviewerPortal.dll</c>, <c>--circuits 100</c>, <c>--port 5210</c>, and <c>--gcdump DIR</c>
/// to also write the portal's heap before and after (<c>dotnet-gcdump</c> on PATH) for finding where the memory goes:
/// compare the two with <c>dotnet-gcdump report</c>.
/// </remarks>
internal static class CircuitMemoryBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>KB per circuit of the Radzen portal before the MudBlazor migration (ba4b005, 100 circuits, one run).</summary>
    private const int RadzenBeforeKb = 312;

    public static async Task<int> RunAsync(string[] args)
    {
        var portal = BenchmarkArgs.Option(args, "--portal", Path.Combine(BenchmarkArgs.RepoRoot(), "ReviewerPortal", "bin", "Release", "net10.0", "ReviewerPortal.dll"));
        var circuits = int.Parse(BenchmarkArgs.Option(args, "--circuits", "100"), CultureInfo.InvariantCulture);
        var port = int.Parse(BenchmarkArgs.Option(args, "--port", "5210"), CultureInfo.InvariantCulture);
        var dumps = BenchmarkArgs.Option(args, "--gcdump", "");
        if (!File.Exists(portal))
        {
            Console.Error.WriteLine($"{portal} is missing: build the portal first (dotnet build -c Release ReviewerPortal).");
            return 2;
        }

        await using var server = await PortalProcess.StartAsync(Path.GetFullPath(portal), port, port + 1);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox", "--disable-gpu"] });
        var context = await browser.NewContextAsync(new() { BaseURL = server.Address.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(120_000);

        // One page signs in and stays open: the first circuit pays for JIT, caches and the demo cases' start.
        var first = await OpenQueueAsync(context, signIn: true);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = await server.ManagedBytesAsync();
        await server.HeapDumpAsync(dumps, "before");

        for (var opened = 0; opened < circuits; opened++)
        {
            await OpenQueueAsync(context, signIn: false);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = await server.ManagedBytesAsync();
        await server.HeapDumpAsync(dumps, "after");
        var perCircuit = (after - before) / (double)circuits;
        Console.WriteLine($"circuit-memory: {portal}");
        Console.WriteLine($"  {circuits} live urgent-queue pages: managed heap {before / 1024.0 / 1024.0:F1} MiB → {after / 1024.0 / 1024.0:F1} MiB, " +
                          $"{perCircuit / 1024.0:F0} KB per circuit (goal: ≤ 300 KB; recorded before the migration, Radzen: {RadzenBeforeKb} KB)");
        await first.CloseAsync();
        return 0;
    }

    /// <summary>Opens the urgent queue in a new tab and waits until its circuit is live and the tasks are listed.</summary>
    private static async Task<IPage> OpenQueueAsync(IBrowserContext context, bool signIn)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        if (signIn)
        {
            await page.ClickAsync("[data-persona=persona-clinician]");
            await page.WaitForURLAsync(url => !url.Contains("/signin/", StringComparison.Ordinal));
        }

        await page.Locator("main[data-interactive]").WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "RP-1001" }).WaitForAsync();
        return page;
    }
}
