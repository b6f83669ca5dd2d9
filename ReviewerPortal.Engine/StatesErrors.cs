namespace ReviewerPortal.Engine;

/// <summary>The predefined error names of the Amazon States Language ("Error names" in the specification).</summary>
internal static class StatesErrors
{
    public const string All = "States.ALL";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string Timeout = "States.Timeout";
    public const string TaskFailed = "States.TaskFailed";
    public const string Permissions = "States.Permissions";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string BranchFailed = "States.BranchFailed";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string Runtime = "States.Runtime";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";
    public const string ItemReaderFailed = "States.ItemReaderFailed";
    public const string ResultWriterFailed = "States.ResultWriterFailed";

    /// <summary>
    /// "States.ALL … matches any known error name", except the two terminal errors: the specification says
    /// States.Runtime and States.DataLimitExceeded cannot be caught or retried with States.ALL.
    /// </summary>
    public static bool IsCaughtByAll(string? error) => error is not Runtime and not DataLimitExceeded;
}
