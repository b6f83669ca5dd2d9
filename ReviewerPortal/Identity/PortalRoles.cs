namespace ReviewerPortal.Identity;

/// <summary>The portal's roles. Providers' role values are mapped onto these (<see cref="IdentityOptions.RoleMapping"/>).</summary>
public static class PortalRoles
{
    public const string Clinician = "Clinician";
    public const string Supervisor = "Supervisor";
    public const string Operator = "Operator";

    public static IReadOnlyList<string> All { get; } = [Clinician, Supervisor, Operator];
}
