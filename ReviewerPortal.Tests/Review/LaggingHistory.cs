using System.Reflection;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Review;

/// <summary>
/// A real Step Functions client whose execution history can be held back at a moment in time while every other call
/// (callbacks included) reaches the server: the window in which a callback is acknowledged and its token spent but the
/// gate's TaskSucceeded/TaskFailed event is not written yet. The local engine opens that window on every callback
/// (it settles the token durably, then the resumed execution records the event) and a SIGKILL can freeze it.
/// </summary>
public class LaggingHistory : DispatchProxy
{
    private IAmazonStepFunctions _server = null!;
    private readonly Dictionary<string, List<HistoryEvent>> _heldBack = new(StringComparer.Ordinal);

    public static (IAmazonStepFunctions Client, LaggingHistory Control) Over(IAmazonStepFunctions server)
    {
        var client = Create<IAmazonStepFunctions, LaggingHistory>();
        var control = (LaggingHistory)(object)client;
        control._server = server;
        return (client, control);
    }

    /// <summary>From now on, <paramref name="executionArn"/>'s history reads as it is at this moment.</summary>
    public async Task HoldBackAsync(string executionArn)
    {
        var page = await _server.GetExecutionHistoryAsync(new GetExecutionHistoryRequest { ExecutionArn = executionArn, IncludeExecutionData = true, MaxResults = 1000 });
        page.NextToken.Should().BeNull("the gate's history fits one page");
        _heldBack[executionArn] = page.Events;
    }

    public void CatchUp(string executionArn) => _heldBack.Remove(executionArn);

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (args?[0] is GetExecutionHistoryRequest request && request.ExecutionArn is { } arn && _heldBack.TryGetValue(arn, out var events))
        {
            return Task.FromResult(new GetExecutionHistoryResponse { Events = [.. events] });
        }

        return targetMethod!.Invoke(_server, args);
    }
}
