using Microsoft.Playwright;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (no Playwright browser download exists here). Share one per test class
/// (<c>IClassFixture&lt;ChromiumFixture&gt;</c>) or per collection (<see cref="BrowserTests"/>); each test opens its
/// own context with <see cref="NewPageAsync"/>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots go under the test output, in <c>screenshots/</c>.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name.EndsWith(".png", StringComparison.Ordinal) ? name : name + ".png");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} is missing: run tools/run-tests.sh (it installs Debian's chromium).");
        }

        // Expectations wait as long as actions do: a circuit's round trip can pass Playwright's 5 s default on a loaded
        // 2-core machine. A real failure still fails, only later.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A page in a fresh context (own cookies) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Opens <paramref name="path"/> and waits until the Blazor circuit is live (the layout marks it), so clicks work.
    /// When the portal asks who you are (Development personas), signs in as <paramref name="persona"/> first.
    /// </summary>
    public static async Task GotoInteractiveAsync(IPage page, string path, string persona = "persona-clinician")
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(path);
        if (page.Url.Contains("/signin/personas", StringComparison.Ordinal))
        {
            await page.ClickAsync($"[data-persona={persona}]");
            await page.WaitForURLAsync(url => !url.Contains("/signin/", StringComparison.Ordinal));
            // Signing in at the front door lands each role on its own start page; the test asked for this path.
            if (new Uri(page.Url).PathAndQuery != path && path.StartsWith('/'))
            {
                await page.GotoAsync(path);
            }
        }

        await page.Locator("main[data-interactive]").WaitForAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Browser tests in this collection share one Chromium and run one at a time (the machine has 2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
