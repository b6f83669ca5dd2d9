namespace ReviewerPortal.Engine.HttpApi;

/// <summary>Where Local mode serves the Step Functions API; bound from the <c>LocalEngine</c> section.</summary>
public sealed class ApiOptions
{
    public const string Section = "LocalEngine";

    /// <summary>The address of the API (<c>LocalEngine:ApiUrl</c>): loopback by default, port 0 picks a free port, empty turns it off.</summary>
    public string? ApiUrl { get; set; } = "http://127.0.0.1:8083";

    /// <summary>
    /// <c>LocalEngine:ApiAccessKeyId</c> and <c>LocalEngine:ApiSecretAccessKey</c>: when both are set, every request
    /// must carry a Signature Version 4 made with them. Without them the API listens on loopback only.
    /// </summary>
    public string? ApiAccessKeyId { get; set; }

    public string? ApiSecretAccessKey { get; set; }

    public bool HasCredentials => !string.IsNullOrEmpty(ApiAccessKeyId) && !string.IsNullOrEmpty(ApiSecretAccessKey);
}
