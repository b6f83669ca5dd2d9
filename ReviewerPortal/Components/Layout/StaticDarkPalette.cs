using System.Text;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ReviewerPortal.Components.Layout;

/// <summary>
/// The dark palette's CSS variables inside <c>@media (prefers-color-scheme: dark)</c>, for pages rendered without a
/// circuit (sign-in, signed out, access denied, and every page while it prerenders): there no script can ask the
/// browser for its preference, so the stylesheet answers it. Interactive pages leave it to <see cref="MudThemeProvider"/>.
/// </summary>
public sealed class StaticDarkPalette : MudThemeProvider
{
    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        ArgumentNullException.ThrowIfNull(__builder);
        var css = new StringBuilder("@media (prefers-color-scheme: dark) { :root {");
        GenerateTheme(css);
        css.Append("} }");
        __builder.OpenElement(0, "style");
        // Markup, not text: a style element's content is not HTML-decoded, and the theme's own values hold no '<'.
        __builder.AddMarkupContent(1, css.ToString());
        __builder.CloseElement();
    }
}
