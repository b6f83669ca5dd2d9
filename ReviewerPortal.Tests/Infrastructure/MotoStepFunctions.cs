using Amazon.Runtime;
using ReviewerPortal.StepFunctions;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>Our Step Functions client for moto, which answers slowly (its ASL parser) on a loaded machine.</summary>
public static class MotoStepFunctions
{
    public static StepFunctionsClient Client(Uri endpoint) =>
        StepFunctionsClient.Create(
            new StepFunctionsClientOptions { Region = "us-east-1", ServiceUrl = endpoint, MaxRetries = 2, Timeout = TimeSpan.FromSeconds(60) },
            "us-east-1",
            new BasicAWSCredentials("testing", "testing"));
}
