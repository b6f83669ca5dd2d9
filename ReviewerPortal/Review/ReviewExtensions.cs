namespace ReviewerPortal.Review;

/// <summary>Registers the review feature: queue, decisions, live change fan-out.</summary>
public static class ReviewExtensions
{
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ReviewTaskChanges>();
        services.AddDecisions();
        services.AddSingleton<QueueFirstPages>();
        services.AddSingleton<ReviewQueue>();
        return services;
    }
}
