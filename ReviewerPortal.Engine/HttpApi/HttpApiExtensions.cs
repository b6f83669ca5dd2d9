namespace ReviewerPortal.Engine.HttpApi;

/// <summary>Local mode: serve the in-process engine's Step Functions API over HTTP for the AWS CLI, boto3 and our own client.</summary>
public static class HttpApiExtensions
{
    public static IServiceCollection AddStepFunctionsApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>()
            .BindConfiguration(ApiOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.ApiUrl) || Uri.TryCreate(o.ApiUrl, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttp,
                "LocalEngine:ApiUrl must be an http:// address such as http://127.0.0.1:8083, or empty to turn the API off.")
            .ValidateOnStart();
        services.AddSingleton<ApiHost>();
        services.AddHostedService(provider => provider.GetRequiredService<ApiHost>());
        return services;
    }
}
