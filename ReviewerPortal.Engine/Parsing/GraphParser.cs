using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>
/// Parses a set of states with StartAt (a state machine, a Parallel branch, a Map item processor) and checks its
/// graph: every transition names a state of the same set, every state is reachable, and some state ends it.
/// </summary>
internal static class GraphParser
{
    public static StateGraph? Parse(JsonNode? node, string location, ParseContext context, params string[] extraFields)
    {
        if (node is not JsonObject obj)
        {
            context.Fail(location, "A state machine (or branch) must be an object with 'StartAt' and 'States'.");
            return null;
        }

        context.CheckFields(obj, location, "a branch", new HashSet<string>(["StartAt", "States", "Comment", "QueryLanguage", .. extraFields]));
        var (startAt, states) = ParseStates(obj, location, context);
        return startAt is null || states is null ? null : new StateGraph(startAt, states);
    }

    public static (string? StartAt, Dictionary<string, State>? States) ParseStates(JsonObject obj, string location, ParseContext context)
    {
        var startAt = context.String(obj, "StartAt", location, required: true);
        if (obj["States"] is not JsonObject statesObject || statesObject.Count == 0)
        {
            context.Fail($"{location}/States", "'States' must be a non-empty object of named states.");
            return (startAt, null);
        }

        var errorsBefore = context.Diagnostics.Count(d => d.Severity == AslDiagnostic.Error);
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, value) in statesObject)
        {
            var stateLocation = $"{location}/States/{name}";
            if (name.Length is 0 or > 80)
            {
                context.Fail(stateLocation, $"The state name '{name}' must be 1 to 80 characters long.", AslDiagnostic.InvalidStateName);
            }

            if (value is not JsonObject stateObject)
            {
                context.Fail(stateLocation, $"The state '{name}' must be an object.");
                continue;
            }

            if (StateParser.Parse(name, stateObject, stateLocation, context) is { } state)
            {
                states[name] = state;
            }
        }

        if (startAt is not null && !statesObject.ContainsKey(startAt))
        {
            context.Fail($"{location}/StartAt", $"'StartAt' names the state '{startAt}', which does not exist.");
        }

        CheckGraph(startAt, states, location, context);
        var failed = context.Diagnostics.Count(d => d.Severity == AslDiagnostic.Error) > errorsBefore;
        return (startAt, failed ? null : states);
    }

    private static void CheckGraph(string? startAt, Dictionary<string, State> states, string location, ParseContext context)
    {
        foreach (var state in states.Values)
        {
            foreach (var (field, target) in Targets(state))
            {
                if (!states.ContainsKey(target))
                {
                    context.Fail($"{location}/States/{state.Name}/{field}", $"The state '{state.Name}' transitions ({field}) to '{target}', which does not exist.");
                }
            }
        }

        if (startAt is null || !states.ContainsKey(startAt))
        {
            return;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Stack<string>([startAt]);
        while (pending.Count > 0)
        {
            foreach (var target in states[pending.Pop()].Transitions)
            {
                if (states.ContainsKey(target) && reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        foreach (var name in states.Keys.Where(n => !reached.Contains(n)))
        {
            context.Fail($"{location}/States/{name}", $"The state '{name}' is not reachable from '{startAt}'.");
        }

        if (!states.Values.Any(s => s.End || s is SucceedState or FailState))
        {
            context.Fail(location, "No state ends the workflow: it needs a state with \"End\": true, a Succeed or a Fail state.", AslDiagnostic.MissingEndState);
        }
    }

    private static IEnumerable<(string Field, string Target)> Targets(State state)
    {
        if (state.Next is not null)
        {
            yield return ("Next", state.Next);
        }

        if (state is ChoiceState choice)
        {
            for (var i = 0; i < choice.Choices.Count; i++)
            {
                yield return ($"Choices/{i}/Next", choice.Choices[i].Next);
            }

            if (choice.Default is not null)
            {
                yield return ("Default", choice.Default);
            }
        }

        for (var i = 0; i < state.Catch.Count; i++)
        {
            yield return ($"Catch/{i}/Next", state.Catch[i].Next);
        }
    }
}
