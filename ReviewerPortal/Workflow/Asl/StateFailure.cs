namespace ReviewerPortal.Workflow.Asl;

/// <summary>
/// A named error raised while running a state: what Retry and Catch match, and what fails an execution. A Fail state
/// without Error or Cause raises one without them, and AWS then reports no error or cause at all (not empty ones).
/// </summary>
internal sealed class StateFailure : Exception
{
    public StateFailure(string? error, string? cause)
        : base(error + ": " + cause)
    {
        Error = error;
        Cause = cause;
    }

    public StateFailure()
        : this(StatesErrors.Runtime, "Unknown failure.")
    {
    }

    public StateFailure(string message)
        : this(StatesErrors.Runtime, message)
    {
    }

    public StateFailure(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = StatesErrors.Runtime;
        Cause = message;
    }

    public string? Error { get; }

    public string? Cause { get; }
}
