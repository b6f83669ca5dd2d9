using ReviewerPortal.StepFunctions;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.StepFunctions;

namespace ReviewerPortal.Tests.Engine.HttpApi;

/// <summary>
/// The local ASL engine served over HTTP by the JSON 1.0 API, for one test: a review gate resource whose calls (and task
/// tokens) land in <see cref="Gate"/>, like the review-task table the portal reads.
/// </summary>
public sealed class EngineOverHttp : IAsyncDisposable
{
    public const string GateResource = "arn:aws:states:::aws-sdk:dynamodb:putItem";

    public const string RoleArn = "arn:aws:iam::123456789012:role/review";

    /// <summary>A review gate that pauses on a task token (with a heartbeat timer), then succeeds with the decision.</summary>
    public const string ReviewDefinition = $$"""
        {
          "StartAt": "Review",
          "States": {
            "Review": {
              "Type": "Task",
              "Resource": "{{GateResource}}.waitForTaskToken",
              "Parameters": { "TableName": "review-tasks", "Item": { "token": { "S.$": "$$.Task.Token" }, "caseId": { "S.$": "$.caseId" } } },
              "HeartbeatSeconds": 3600,
              "ResultPath": "$.decision",
              "End": true
            }
          }
        }
        """;

    /// <summary>Holds until stopped: the engine's clock is manual and never reaches the end of the wait.</summary>
    public const string HoldDefinition = """{"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":600,"End":true}}}""";

    public const string PassDefinition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}""";

    private EngineOverHttp(EngineHarness engine, ApiServer api, InboxHandler gate)
    {
        Engine = engine;
        Api = api;
        Gate = gate;
        Client = TestClients.StepFunctions(api.Address);
    }

    public EngineHarness Engine { get; }

    public ApiServer Api { get; }

    public Uri Address => Api.Address;

    public InboxHandler Gate { get; }

    /// <summary>Our own Step Functions client, pointed at the local API.</summary>
    public StepFunctionsClient Client { get; }

    public static async Task<EngineOverHttp> StartAsync()
    {
        var gate = new InboxHandler(GateResource);
        var engine = EngineHarness.InMemory([gate]);
        var api = await ApiServer.StartAsync(engine.Api);
        return new EngineOverHttp(engine, api, gate);
    }

    /// <summary>The task token the gate of <paramref name="executionArn"/> handed out, once it has.</summary>
    public async Task<string> TokenOfAsync(string executionArn)
    {
        await Engine.WaitForEventAsync(executionArn, "TaskSubmitted");
        return Gate.Calls.Single(c => c.ExecutionArn == executionArn).TaskToken!;
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
