using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

namespace ReviewerPortal.Identity;

/// <summary>A page a user can go to directly: a route without parameters and the policy guarding it.</summary>
public sealed record StartPage(string Route, string Policy);

/// <summary>
/// The pages a user may open, found from the pages' own [Authorize(Policy = …)] attributes, so that someone who lands
/// on a page their role does not allow (an operator on the queue) is shown where to go instead.
/// </summary>
public sealed class StartPages(IAuthorizationService authorization)
{
    private static readonly IReadOnlyList<StartPage> All = typeof(StartPages).Assembly.GetTypes()
        .Where(type => typeof(IComponent).IsAssignableFrom(type))
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>()
            .Where(route => !route.Template.Contains('{', StringComparison.Ordinal))
            .Select(route => (route.Template, Policy: type.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).FirstOrDefault(p => p is not null))))
        .Where(page => page.Policy is not null)
        .Select(page => new StartPage(page.Template, page.Policy!))
        .OrderBy(page => page.Route, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// Where a user goes right after sign-in: where they asked to go, or, for the portal's front door, their role's own
    /// page (a supervisor's escalations, an operator's Operations), never a page their role may not open.
    /// </summary>
    public static string Landing(ClaimsPrincipal user, string? requested)
    {
        ArgumentNullException.ThrowIfNull(user);
        var target = ReturnUrl.Sanitize(requested);
        if (target != "/")
        {
            return target;
        }

        return PortalRoles.All.Where(user.IsInRole).Select(RoleStartPage).OrderBy(page => page == "/" ? 1 : 0).FirstOrDefault() ?? "/";
    }

    /// <summary>Each role's own page: the queue for clinicians, escalations for supervisors, Operations for operators.</summary>
    public static string RoleStartPage(string role) => role switch
    {
        PortalRoles.Supervisor => "/escalations",
        PortalRoles.Operator => "/operations",
        _ => "/",
    };

    public async Task<IReadOnlyList<StartPage>> ForAsync(ClaimsPrincipal user)
    {
        var allowed = new List<StartPage>();
        foreach (var page in All)
        {
            if ((await authorization.AuthorizeAsync(user, page.Policy)).Succeeded)
            {
                allowed.Add(page);
            }
        }

        return allowed;
    }
}
