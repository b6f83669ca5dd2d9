using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Model;

/// <summary>
/// One state of a definition, parsed and immutable. The fields every state type may carry live here; which ones a type
/// accepts is the validator's business. The model does not run: input/output processing, Retry/Catch and each type's
/// own work are the executor's (Execution/StateExecutor, Execution/StateWork); a state type offers what it computes
/// from its fields and a scope (a Choice's match, a Fail's error, a Wait's end).
/// </summary>
internal abstract class State
{
    public required string Name { get; init; }

    public abstract string Type { get; }

    public string? Next { get; private set; }

    public bool End { get; private set; }

    public DataPath InputPath { get; private set; } = DataPath.Root;

    public DataPath OutputPath { get; private set; } = DataPath.Root;

    public PayloadTemplate? Parameters { get; private set; }

    public PayloadTemplate? ResultSelector { get; private set; }

    /// <summary>Where the result goes in the state's raw input; <c>null</c> in the definition keeps the input unchanged.</summary>
    public DataPath ResultPath { get; private set; } = DataPath.Root;

    public IReadOnlyList<RetryPolicy> Retry { get; private set; } = [];

    public IReadOnlyList<CatchPolicy> Catch { get; private set; } = [];

    /// <summary>The workflow variables the state sets when it ends; its <c>$</c> is the state's result.</summary>
    public PayloadTemplate? Assign { get; private set; }

    /// <summary>Set when the state uses JSONata: Arguments and Output replace the JSONPath input and output processing.</summary>
    public JsonataFields? Jsonata { get; private set; }

    /// <summary>Pass, Task, Parallel and Map place a result with ResultPath; Choice, Wait and Succeed pass their input on.</summary>
    public virtual bool ProducesResult => true;

    /// <summary>The state names this state can transition to (Next, Choices, Default, Catch).</summary>
    public virtual IEnumerable<string> Transitions =>
        (Next is null ? [] : new[] { Next }).Concat(Catch.Select(c => c.Next));

    /// <summary>Sets the common fields once, while the parser builds the state; the model is not changed afterwards.</summary>
    internal void SetCommon(CommonFields fields)
    {
        Next = fields.Next;
        End = fields.End;
        InputPath = fields.InputPath;
        OutputPath = fields.OutputPath;
        Parameters = fields.Parameters;
        ResultSelector = fields.ResultSelector;
        ResultPath = fields.ResultPath;
        Retry = fields.Retry;
        Catch = fields.Catch;
        Assign = fields.Assign;
        Jsonata = fields.Jsonata;
    }
}

/// <summary>What a state's own work produced: its result, and for Choice the chosen next state.</summary>
/// <param name="Assigned">The variables a matched Choice rule assigns, on top of the state's own Assign.</param>
/// <param name="OutputIsFinal">The state already applied an Output of its own (a JSONata Choice rule's): the state's Output is not applied over it.</param>
internal readonly record struct StateResult(JsonNode? Output, string? Next = null, Variables.VariableAssignment? Assigned = null, bool OutputIsFinal = false);
