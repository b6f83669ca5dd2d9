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
