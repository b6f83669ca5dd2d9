using Microsoft.Playwright;

namespace ReviewerPortal.Tests.Identity;

/// <summary>Debian's Chromium driven by Playwright, headless; records console errors (CSP violations land there).</summary>
public sealed class IdentityBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private IdentityBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public List<string> ConsoleErrors { get; } = [];

    public static async Task<IdentityBrowser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new IdentityBrowser(playwright, browser);
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // The test provider's pages import a web font; there is no internet here.
        await page.RouteAsync("https://fonts.googleapis.com/**", route => route.AbortAsync());
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add($"{message.Text} at {message.Location}");
                }
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (ConsoleErrors)
                {
                    ConsoleErrors.Add($"{response.Status} {response.Url}");
                }
            }
        };
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
