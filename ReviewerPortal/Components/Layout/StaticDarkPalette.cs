using System.Text;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ReviewerPortal.Components.Layout;

/// <summary>
/// The dark palette's CSS variables inside <c>@media (prefers-color-scheme: dark)</c>: the dark half of
/// <see cref="ThemeStylesheet"/>, so the stylesheet, not a script, answers the browser's preference.
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
