namespace ReviewerPortal.Engine;

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

    /// <summary>Set by <see cref="InState"/>: the executor prefixes the cause with the state and its entered event.</summary>
    public bool NamesState { get; private init; }

    /// <summary>
    /// A States.Runtime failure of the state being run (a path matching nothing, a path value of the wrong kind). AWS
    /// words these "An error occurred while executing the state 'S' (entered at the event id #N). …"; the executor adds
    /// that prefix, since only it knows the event id.
    /// </summary>
    public static StateFailure InState(string cause, string error = StatesErrors.Runtime) => new(error, cause) { NamesState = true };
}
