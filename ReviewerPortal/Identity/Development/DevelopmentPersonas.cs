namespace ReviewerPortal.Identity.Development;

/// <summary>One made-up person to sign in as on a developer's machine.</summary>
public sealed record Persona(string Id, string DisplayName, string Role, string Description);

/// <summary>The personas of Development mode: one per role, with stable ids so their audit entries line up across runs.</summary>
public static class DevelopmentPersonas
{
    public static IReadOnlyList<Persona> All { get; } =
    [
        new("persona-clinician", "Dr. Dana Reyes", PortalRoles.Clinician, "Clinician: reviews and decides drafts."),
        new("persona-supervisor", "Dr. Sam Okafor", PortalRoles.Supervisor, "Supervisor: reviews, sees escalations, overrides claims."),
        new("persona-operator", "Lee Chen", PortalRoles.Operator, "Operator: sees Operations and health."),
    ];

    public static Persona? Find(string? id) => All.FirstOrDefault(persona => persona.Id == id);
}
