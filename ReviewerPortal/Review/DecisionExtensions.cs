namespace ReviewerPortal.Review;

/// <summary>Registers claims, decisions, their delivery to Step Functions, heartbeats and the reconciler.</summary>
public static class DecisionExtensions
{
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddOptions<DecisionOptions>().BindConfiguration(DecisionOptions.Section);
        services.AddSingleton<DecisionDelivery>();
        services.AddSingleton<GateOutcome>();
        services.AddSingleton<ClaimHeartbeats>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimHeartbeats>());
        services.AddSingleton<ClaimRenewals>();
        services.AddHostedService(sp => sp.GetRequiredService<ClaimRenewals>());
        services.AddSingleton<DecisionReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<DecisionReconciler>());
        services.AddSingleton<KeptEdits>();
        services.AddSingleton<GateFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<GateFollower>());
        services.AddScoped<DecisionService>();
        services.AddSingleton<WorkflowProgress>();
        services.AddScoped<ReviewPageActions>();
        return services;
    }
}
