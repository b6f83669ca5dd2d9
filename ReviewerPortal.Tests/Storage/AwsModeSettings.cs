namespace ReviewerPortal.Tests.Storage;

/// <summary>Configuration that starts the portal in Aws mode against a local AWS-compatible server (moto).</summary>
public static class AwsModeSettings
{
    /// <summary>The SDK's default credential chain reads these; moto never checks them, and no test talks to AWS.</summary>
    public static void UseFakeCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public static Dictionary<string, string?> For(Uri server, string tableName, string bucket)
    {
        UseFakeCredentials();
        return new()
        {
            ["Portal:Mode"] = "Aws",
            ["Aws:Region"] = "us-east-1",
            ["Aws:TableName"] = tableName,
            ["Aws:DraftBucket"] = bucket,
            ["Aws:ServiceUrls:DynamoDb"] = server.ToString(),
            ["Aws:ServiceUrls:S3"] = server.ToString(),
            ["Aws:ServiceUrls:StepFunctions"] = server.ToString(),
        };
    }
}
