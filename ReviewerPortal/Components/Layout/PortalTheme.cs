using MudBlazor;

namespace ReviewerPortal.Components.Layout;

/// <summary>
/// The portal's light and dark palettes. Every colour that carries text (status chips, alerts, links) keeps at least
/// 4.5:1 contrast against what it sits on (WCAG AA), checked by axe in the browser tests.
/// </summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1557a6",
            Secondary = "#4b3b8f",
            Tertiary = "#00695c",
            Info = "#0b5c8c",
            Success = "#1e6b3a",
            Warning = "#8a4b00",
            Error = "#b3261e",
            AppbarBackground = "#183d6b",
            TextSecondary = "rgba(0,0,0,0.68)",
            DrawerText = "rgba(0,0,0,0.80)",
            DrawerIcon = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            // Light tints on dark surfaces, so the filled chips and buttons carry dark text.
            Primary = "#9cc8ff",
            PrimaryContrastText = "#0b1a2e",
            Secondary = "#c9bdff",
            SecondaryContrastText = "#1b1238",
            Tertiary = "#7fd8c8",
            TertiaryContrastText = "#00201b",
            Info = "#8fd0ff",
            InfoContrastText = "#00213a",
            Success = "#8fd6a4",
            SuccessContrastText = "#00210e",
            Warning = "#ffc37a",
            WarningContrastText = "#2b1600",
            Error = "#ffb0a8",
            ErrorContrastText = "#3b0703",
            TextPrimary = "rgba(255,255,255,0.92)",
            TextSecondary = "rgba(255,255,255,0.76)",
            DrawerText = "rgba(255,255,255,0.85)",
            DrawerIcon = "rgba(255,255,255,0.76)",
            AppbarText = "rgba(255,255,255,0.92)",
        },
    };
}
