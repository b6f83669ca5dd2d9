using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using ReviewerPortal.Identity;

namespace ReviewerPortal.Tests.Identity;

/// <summary>
/// The expected roles matrix, written out independently of the code it checks, and the pages found by reflection.
/// A new policy, action or page fails the matrix tests until someone decides who may use it.
/// </summary>
public static partial class AuthorizationMatrix
{
    public const string Anonymous = "anonymous";

    /// <summary>Persona id per role, and "anonymous" for nobody signed in.</summary>
    public static TheoryData<string> Users { get; } = new() { "persona-clinician", "persona-supervisor", "persona-operator", Anonymous };

    /// <summary>Who may pass each policy (persona ids).</summary>
    public static IReadOnlyDictionary<string, string[]> PolicyUsers { get; } = new Dictionary<string, string[]>
    {
        [PortalPolicies.Review] = ["persona-clinician", "persona-supervisor"],
        [PortalPolicies.Escalations] = ["persona-supervisor"],
        [PortalPolicies.OverrideClaims] = ["persona-supervisor"],
        [PortalPolicies.Operations] = ["persona-operator"],
        [PortalPolicies.DemoCases] = ["persona-clinician", "persona-supervisor", "persona-operator"],
    };

    /// <summary>Who may perform each action (persona ids).</summary>
    public static IReadOnlyDictionary<PortalAction, string[]> ActionUsers { get; } = new Dictionary<PortalAction, string[]>
    {
        [PortalAction.ViewQueue] = ["persona-clinician", "persona-supervisor"],
        [PortalAction.OpenTask] = ["persona-clinician", "persona-supervisor"],
        [PortalAction.Claim] = ["persona-clinician", "persona-supervisor"],
        [PortalAction.ReleaseOwnClaim] = ["persona-clinician", "persona-supervisor"],
        [PortalAction.Approve] = ["persona-clinician", "persona-supervisor"],
        [PortalAction.Reject] = ["persona-clinician", "persona-supervisor"],
        [PortalAction.ViewEscalations] = ["persona-supervisor"],
        [PortalAction.Reassign] = ["persona-supervisor"],
        [PortalAction.ReleaseOthersClaim] = ["persona-supervisor"],
        [PortalAction.ViewOperations] = ["persona-operator"],
        [PortalAction.StartDemoCase] = ["persona-clinician", "persona-supervisor", "persona-operator"],
        [PortalAction.RedriveExecution] = ["persona-operator"],
        [PortalAction.StartDraftBackfill] = ["persona-operator"],
    };

    /// <summary>Pages anyone may open, each a deliberate choice.</summary>
    public static IReadOnlySet<string> PublicPages { get; } = new HashSet<string> { "/signin/personas", "/access-denied", "/signed-out", "/not-found" };

    /// <summary>A routable component: its route template and the policy it declares (null if none).</summary>
    public sealed record Page(Type Component, string Route, string? Policy, bool Anonymous)
    {
        /// <summary>The route with every parameter filled in, so it can be requested.</summary>
        public string Probe => RouteParameter().Replace(Route, "matrix-probe");

        public override string ToString() => Route;
    }

    public static IReadOnlyList<Page> Pages { get; } = typeof(Program).Assembly.GetTypes()
        .Where(type => typeof(IComponent).IsAssignableFrom(type))
        .SelectMany(type => type.GetCustomAttributes<RouteAttribute>().Select(route => new Page(
            type,
            route.Template,
            type.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).FirstOrDefault(p => p is not null),
            type.GetCustomAttribute<AllowAnonymousAttribute>() is not null)))
        .OrderBy(page => page.Route, StringComparer.Ordinal)
        .ToList();

    public static bool Allows(string policy, string user) => PolicyUsers[policy].Contains(user);

    [GeneratedRegex("{[^}]+}")]
    private static partial Regex RouteParameter();
}
