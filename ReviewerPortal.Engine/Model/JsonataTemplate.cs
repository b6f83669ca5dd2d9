using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Intrinsics;
using ReviewerPortal.Engine.Jsonata;
using ReviewerPortal.Engine.Paths;
using ReviewerPortal.Engine.Variables;

namespace ReviewerPortal.Engine.Model;

/// <summary>
/// What a JSONata state's expressions read: <c>$states</c> (input, context, and result or errorOutput where the field
/// sees them) and the workflow variables by name.
/// </summary>
internal sealed record JsonataScope(JsonNode? Input, ContextObject? Context, VariableScope? Variables, JsonNode? Result = null, JsonNode? ErrorOutput = null)
{
    private JMap? states;
    private JMap? statesWithContext;

    /// <summary>
    /// The value of a variable an expression reads. <c>$states</c> is converted once per scope (a state's fields share
    /// it); its <c>context</c> only for expressions that mention it, since building the context object copies the
    /// execution's input.
    /// </summary>
    public (bool Found, object? Value) Resolve(string name, bool needsContext)
    {
        if (name == "states")
        {
            if (needsContext)
            {
                return (true, statesWithContext ??= States(withContext: true));
            }

            return (true, states ??= States(withContext: false));
        }

        return Variables is not null && Variables.TryGet(name, out var value) ? (true, JsonConversion.FromNode(value)) : (false, null);
    }

    private JMap States(bool withContext)
    {
        var states = new JMap { ["input"] = JsonConversion.FromNode(Input) };
        if (withContext && Context is not null)
        {
            states["context"] = JsonConversion.FromNode(Context.Node);
        }

        if (Result is not null)
        {
            states["result"] = JsonConversion.FromNode(Result);
        }

        if (ErrorOutput is not null)
        {
            states["errorOutput"] = JsonConversion.FromNode(ErrorOutput);
        }

        return states;
    }
}

/// <summary>
/// A JSONata state's field value: JSON in which every string written <c>{% expression %}</c> is evaluated. A failing or
/// undefined expression fails the state with States.QueryEvaluationError, worded as AWS words it.
/// </summary>
internal abstract record JsonataTemplate : PayloadTemplate
{
    public override JsonNode? Evaluate(PathScope scope) => Evaluate(new JsonataScope(scope.Input, scope.Context, scope.Variables));

    public abstract JsonNode? Evaluate(JsonataScope scope);

    /// <summary>Every <c>{% %}</c> expression in the template, for the checks made when the definition is parsed.</summary>
    public IEnumerable<JsonataField> Expressions() => this switch
    {
        JsonataField field => [field],
        JsonataObject obj => obj.Fields.SelectMany(f => f.Value.Expressions()),
        JsonataArray array => array.Items.SelectMany(i => i.Expressions()),
        _ => [],
    };

    /// <summary>The text between <c>{%</c> and <c>%}</c> when the node is such a string.</summary>
    public static bool IsExpression(JsonNode? node, out string text)
    {
        text = "";
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        var s = v.GetValue<string>();
        if (s.Length < 4 || !s.StartsWith("{%", StringComparison.Ordinal) || !s.EndsWith("%}", StringComparison.Ordinal))
        {
            return false;
        }

        text = s[2..^2].Trim();
        return true;
    }

    /// <summary>Compiles a field's value; <paramref name="field"/> is how causes name it (e.g. <c>Output/result</c>).</summary>
    public static JsonataTemplate Compile(JsonNode? node, string field) => node switch
    {
        JsonObject obj => new JsonataObject([.. obj.Select(p => KeyValuePair.Create(p.Key, Compile(p.Value, $"{field}/{p.Key}")))]),
        JsonArray array => new JsonataArray([.. array.Select((item, i) => Compile(item, $"{field}/{i}"))]),
        _ when IsExpression(node, out var text) => new JsonataField(field, JsonataExpression.Parse(text)),
        _ => new JsonataStatic(node?.DeepClone()),
    };
}

// JSONata's constant, object and array nodes: the shapes of PayloadTemplate's, carrying the JSONata scope down.
internal sealed record JsonataStatic(JsonNode? Value) : JsonataTemplate
{
    public override JsonNode? Evaluate(JsonataScope scope) => Copy(Value);
}

internal sealed record JsonataObject(IReadOnlyList<KeyValuePair<string, JsonataTemplate>> Fields) : JsonataTemplate
{
    public override JsonNode? Evaluate(JsonataScope scope) => ObjectOf(Fields, template => template.Evaluate(scope));
}

internal sealed record JsonataArray(IReadOnlyList<JsonataTemplate> Items) : JsonataTemplate
{
    public override JsonNode? Evaluate(JsonataScope scope) => ArrayOf(Items, template => template.Evaluate(scope));
}

/// <summary>One <c>{% … %}</c> expression.</summary>
internal sealed record JsonataField(string Field, JsonataExpression Expression) : JsonataTemplate
{
    private readonly bool mentionsContext = Expression.Source.Contains("context", StringComparison.Ordinal);

    public override JsonNode? Evaluate(JsonataScope scope)
    {
        JsonataResult result;
        try
        {
            result = Expression.Evaluate(null, functions: AwsJsonataFunctions.Library, resolve: name => scope.Resolve(name, mentionsContext));
        }
        catch (JsonataException e)
        {
            throw Failure($"threw an error during evaluation. {e.Message}");
        }

        return result.IsDefined ? result.Value : throw Failure("returned nothing (undefined).");
    }

    /// <summary>Evaluates and checks the result's JSON type (Map's Items must be an array, a Condition a boolean).</summary>
    public JsonNode? Evaluate(JsonataScope scope, JsonValueKind expected, string expectedName)
    {
        var value = Evaluate(scope);
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        var matches = kind == expected || (expected == JsonValueKind.True && kind == JsonValueKind.False);
        return matches
            ? value
            : throw Failure($"returned an unexpected result type. Expected '{expectedName}', but was '{TypeName(kind)}' for value: {value?.ToJsonString() ?? "null"}");
    }

    /// <summary>Evaluates a field that must be a whole number of at least <paramref name="min"/> (a timeout, MaxConcurrency).</summary>
    public int EvaluateInteger(JsonataScope scope, int min)
    {
        var value = Evaluate(scope, JsonValueKind.Number, "number");
        return JsonData.TryGetDouble(value, out var number) && number >= min && number == Math.Floor(number) && number <= int.MaxValue
            ? (int)number
            : throw Failure($"must return an integer of at least {min}, but returned: {value?.ToJsonString()}");
    }

    private static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private StateFailure Failure(string what) =>
        StateFailure.InState($"The JSONata expression '{Expression.Source}' specified for the field '{Field}' {what}", StatesErrors.QueryEvaluationError);
}

/// <summary>A JSONata Choice rule: <c>Condition</c> must evaluate to a boolean.</summary>
internal sealed record JsonataCondition(JsonataTemplate Condition) : ChoiceRule
{
    public override bool Matches(PathScope scope)
    {
        var scoped = new JsonataScope(scope.Input, scope.Context, scope.Variables);
        var value = Condition is JsonataField field ? field.Evaluate(scoped, JsonValueKind.True, "boolean") : Condition.Evaluate(scoped);
        return value?.GetValueKind() == JsonValueKind.True;
    }
}

/// <summary>The JSONata fields that replace JSONPath's input and output processing.</summary>
internal sealed record JsonataFields(JsonataTemplate? Arguments, JsonataTemplate? Output);
