using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses one state object into its typed model, reporting every problem with the state's location.</summary>
internal static class StateParser
{
    private static readonly HashSet<string> FlowTypes = ["Pass", "Task", "Wait", "Parallel", "Map"];

    public static State? Parse(string name, JsonObject obj, string location, ParseContext context)
    {
        var type = context.String(obj, "Type", location, required: true);
        if (type is null)
        {
            return null;
        }

        if (!StateFields.ByType.TryGetValue(type, out var allowed))
        {
            context.Fail($"{location}/Type", $"The state '{name}' has the unknown type '{type}' (expected Pass, Task, Choice, Wait, Succeed, Fail, Parallel or Map).");
            return null;
        }

        var outer = context.Jsonata;
        var own = JsonataStateParser.Language(obj, location, context);
        JsonataStateParser.CheckOverride(own, location, context);
        context.Jsonata = own is not null ? own == "JSONata" : context.DefaultJsonata;
        try
        {
            JsonataStateParser.CheckLanguageFields(obj, location, name, context);
            return ParseState(name, type, obj, location, context, JsonataStateParser.Allowed(type, allowed, context.Jsonata));
        }
        finally
        {
            context.Jsonata = outer;
        }
    }

    private static State? ParseState(string name, string type, JsonObject obj, string location, ParseContext context, IReadOnlySet<string> allowed)
    {
        context.CheckFields(obj, location, $"a {type} state ('{name}')", allowed);
        var next = context.String(obj, "Next", location);
        var end = context.Boolean(obj, "End", location);
        if (FlowTypes.Contains(type) && (next is null) == !end)
        {
            context.Fail(location, next is null
                ? $"The state '{name}' needs either 'Next' or 'End': true."
                : $"The state '{name}' cannot have both 'Next' and 'End'.");
        }

        var errorHandling = ErrorHandlingParser.Parse(obj, location, context);
        var common = new CommonFields(
            name,
            next,
            end,
            DataPath(obj, "InputPath", location, context, reference: false),
            DataPath(obj, "OutputPath", location, context, reference: false),
            type == "Map" ? null : TemplateCompiler.Compile(obj, "Parameters", location, context),
            TemplateCompiler.Compile(obj, "ResultSelector", location, context),
            DataPath(obj, "ResultPath", location, context, reference: true),
            errorHandling.Retry,
            errorHandling.Catch,
            TemplateCompiler.Compile(obj, "Assign", location, context),
            JsonataStateParser.Fields(obj, location, context));
        return type switch
        {
            "Pass" => PassParser(obj, common, location, context),
            "Task" => TaskParser.Parse(obj, common, location, context),
            "Choice" => ChoiceParser(obj, common, location, context),
            "Wait" => WaitParser.Parse(obj, common, location, context),
            "Succeed" => common.Apply(new SucceedState { Name = name }),
            "Fail" => FailParser.Parse(obj, name, location, context),
            "Parallel" => ParallelParser(obj, common, location, context),
            _ => MapParser.Parse(obj, common, location, context),
        };
    }

    private static DataPath DataPath(JsonObject obj, string field, string location, ParseContext context, bool reference)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return Model.DataPath.Root;
        }

        if (node is null)
        {
            return new DataPath(null);
        }

        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
        if (text is null)
        {
            context.Fail($"{location}/{field}", $"'{field}' must be a path string or null.");
            return Model.DataPath.Root;
        }

        return context.Path(text, $"{location}/{field}", field, reference, allowContext: !reference) is { } path
            ? new DataPath(path)
            : Model.DataPath.Root;
    }

    private static PassState PassParser(JsonObject obj, CommonFields common, string location, ParseContext context)
    {
        var hasResult = obj.TryGetPropertyValue("Result", out var result);
        if (hasResult && result is JsonObject r && r.Any(p => p.Key.EndsWith(".$", StringComparison.Ordinal)))
        {
            context.Warn($"{location}/Result", "Result is static: its '.$' fields are not evaluated as paths.", AslDiagnostic.PassResultIsStatic);
        }

        return common.Apply(new PassState { Name = common.Name, HasResult = hasResult, Result = result?.DeepClone() });
    }

    private static ChoiceState? ChoiceParser(JsonObject obj, CommonFields common, string location, ParseContext context)
    {
        if (obj["Choices"] is not JsonArray { Count: > 0 } choices)
        {
            context.Fail($"{location}/Choices", $"The Choice state '{common.Name}' needs a non-empty 'Choices' array.");
            return null;
        }

        var branches = new List<ChoiceBranch>();
        for (var i = 0; i < choices.Count; i++)
        {
            var ruleLocation = $"{location}/Choices/{i}";
            var next = choices[i] is JsonObject o ? context.String(o, "Next", ruleLocation, required: true) : null;
            var assign = choices[i] is JsonObject withAssign ? TemplateCompiler.Compile(withAssign, "Assign", ruleLocation, context) : null;
            var rule = context.Jsonata && choices[i] is JsonObject jsonataRule
                ? JsonataStateParser.Condition(jsonataRule, ruleLocation, context)
                : ChoiceRuleParser.Parse(choices[i], ruleLocation, context, topLevel: true);
            var output = context.Jsonata && choices[i] is JsonObject withOutput ? JsonataStateParser.Field(withOutput, "Output", ruleLocation, context) : null;
            if (rule is not null && next is not null)
            {
                branches.Add(new ChoiceBranch(rule, next, assign, output));
            }
        }

        return common.Apply(new ChoiceState { Name = common.Name, Choices = branches, Default = context.String(obj, "Default", location) });
    }

    private static ParallelState? ParallelParser(JsonObject obj, CommonFields common, string location, ParseContext context)
    {
        if (obj["Branches"] is not JsonArray { Count: > 0 } branches)
        {
            context.Fail($"{location}/Branches", $"The Parallel state '{common.Name}' needs a non-empty 'Branches' array.");
            return null;
        }

        var graphs = branches.Select((b, i) => GraphParser.Parse(b, $"{location}/Branches/{i}", context)).ToList();
        return graphs.Any(g => g is null) ? null : common.Apply(new ParallelState { Name = common.Name, Branches = graphs! });
    }
}
