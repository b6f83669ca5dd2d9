using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>Where an execution's events go: kept in memory, or appended to the durable history.</summary>
internal interface IHistoryRecorder
{
    void Append(string executionArn, string frame, int sequence, HistoryEvent historyEvent);

    /// <summary>Completes when everything appended so far is durable: awaited before an effect leaves the engine.</summary>
    Task FlushAsync();
}
