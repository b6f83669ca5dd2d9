using Amazon.Runtime;
using ReviewerPortal.StepFunctions;

namespace ReviewerPortal.Tests.StepFunctions;

/// <summary>Our Step Functions client pointed at a local endpoint, with the dummy credentials local servers accept.</summary>
public static class TestClients
{
    public static StepFunctionsClient StepFunctions(Uri endpoint, int maxRetries = 2, string region = "us-east-1") =>
        StepFunctionsClient.Create(
            new StepFunctionsClientOptions
            {
                Region = region,
                ServiceUrl = endpoint,
                MaxRetries = maxRetries,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                Timeout = TimeSpan.FromSeconds(60), // moto imports its Step Functions parser on first use: slow on a busy machine
            },
            region,
            new BasicAWSCredentials("testing", "testing"));
}
