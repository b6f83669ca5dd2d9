namespace ReviewerPortal.Escalations;

/// <summary>Registers the supervisors' Escalations page services.</summary>
public static class EscalationsExtensions
{
    public static IServiceCollection AddEscalations(this IServiceCollection services) =>
        services.AddSingleton<EscalationBoard>().AddScoped<ClaimOverrides>();
}
