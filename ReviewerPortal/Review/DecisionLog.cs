namespace ReviewerPortal.Review;

/// <summary>Log events of decision delivery: task ids and error codes only, never tokens, reasons or report text.</summary>
internal static partial class DecisionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Decision for task {TaskId} not delivered yet ({Code}); the reconciler will retry.")]
    public static partial void DeliveryPostponed(this ILogger logger, string taskId, string code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Step Functions refused the decision for task {TaskId}: {Code}.")]
    public static partial void DeliveryRefused(this ILogger logger, string taskId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat for task {TaskId} failed: {Error}.")]
    public static partial void HeartbeatFailed(this ILogger logger, string taskId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Loop} failed; retrying next round.")]
    public static partial void RoundFailed(this ILogger logger, Exception exception, string loop);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The gate of task {TaskId} could not be read ; checked again next round.")]
    public static partial void GateUnreadable(this ILogger logger, Exception exception, string taskId);
}
