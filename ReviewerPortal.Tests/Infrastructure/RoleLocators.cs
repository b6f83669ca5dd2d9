using Microsoft.Playwright;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>The portal's lists as assistive technology sees them: a named region holding a table whose data rows link to a case.</summary>
public static class RoleLocators
{
    /// <summary>A list by its accessible name ("Urgent queue", "Escalation queue", "Claims held by others", …).</summary>
    public static ILocator Region(this IPage page, string name) =>
        page.GetByRole(AriaRole.Region, new() { Name = name, Exact = true });

    /// <summary>The rows of a list that stand for a task (the header row and the empty-list row have no case link).</summary>
    public static ILocator TaskRows(this ILocator region, string? hasText = null) =>
        region.GetByRole(AriaRole.Row).Filter(new() { Has = region.Page.GetByRole(AriaRole.Link), HasText = hasText });

    /// <summary>The rows of a table that hold data (cells, not column headers).</summary>
    public static ILocator DataRows(this ILocator region, string? hasText = null) =>
        region.GetByRole(AriaRole.Row).Filter(new() { Has = region.Page.GetByRole(AriaRole.Cell), HasText = hasText });

    /// <summary>The case links of a list, in the order shown.</summary>
    public static ILocator CaseLinks(this ILocator region) => region.GetByRole(AriaRole.Link);

    /// <summary>A live message by its text (the page's outcome messages are status regions).</summary>
    public static ILocator Status(this IPage page, string hasText) =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasText = hasText });

    /// <summary>The portal's area menu.</summary>
    public static ILocator AreaMenu(this IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Portal areas" });

    /// <summary>Confirms a MudBlazor confirmation dialog with its button <paramref name="confirm"/>.</summary>
    public static Task ConfirmAsync(this IPage page, string confirm) =>
        page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = confirm, Exact = true }).ClickAsync();

    /// <summary>The Operations page's panel of the execution in the address (named by the execution's name).</summary>
    public static ILocator ExecutionDetail(this IPage page) =>
        page.GetByRole(AriaRole.Region).Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "History by state" }) });

    /// <summary>The timeline group of a state (one per visit; the first unless told otherwise).</summary>
    public static ILocator StateGroup(this IPage page, string state) =>
        page.ExecutionDetail().GetByRole(AriaRole.Region, new() { Name = state, Exact = true });
}
