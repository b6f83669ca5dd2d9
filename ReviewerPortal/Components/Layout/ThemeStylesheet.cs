using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace ReviewerPortal.Components.Layout;

/// <summary>
/// The portal's MudBlazor theme as one static stylesheet, <c>/theme.css</c>: the light palette's CSS variables on
/// <c>:root</c> and the dark ones inside <c>@media (prefers-color-scheme: dark)</c>, rendered once per process by
/// MudBlazor's own <see cref="MudThemeProvider"/> (and <see cref="StaticDarkPalette"/>). A theme provider in the layout
/// instead rendered the same ~12,000 characters of CSS into every circuit's render tree and watched the browser's
/// preference through JS interop; the media query follows the preference by itself, also when it changes while a page
/// is open, on pages with and without a circuit alike.
/// </summary>
public static partial class ThemeStylesheet
{
    public const string Path = "/theme.css";

    private static readonly SemaphoreSlim Building = new(1, 1);
    private static string? _css;

    public static IEndpointRouteBuilder MapThemeStylesheet(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous: the sign-in pages wear the theme too.
        endpoints.MapGet(Path, async (HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(await GetAsync(context.RequestServices), "text/css; charset=utf-8");
        }).AllowAnonymous();
        return endpoints;
    }

    private static async Task<string> GetAsync(IServiceProvider services)
    {
        if (_css is { } built)
        {
            return built;
        }

        await Building.WaitAsync();
        try
        {
            return _css ??= await BuildAsync(services);
        }
        finally
        {
            Building.Release();
        }
    }

    private static async Task<string> BuildAsync(IServiceProvider services)
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var light = await renderer.RenderComponentAsync<MudThemeProvider>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = false,
            }));
            var dark = await renderer.RenderComponentAsync<StaticDarkPalette>(ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
                [nameof(MudThemeProvider.IsDarkMode)] = true,
            }));
            return light.ToHtmlString() + dark.ToHtmlString();
        });

        var css = new StringBuilder();
        foreach (Match style in StyleElement().Matches(html))
        {
            css.AppendLine(WebUtility.HtmlDecode(style.Groups[1].Value));
        }

        return css.ToString();
    }

    [GeneratedRegex("<style[^>]*>(.*?)</style>", RegexOptions.Singleline)]
    private static partial Regex StyleElement();
}
