using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>
/// Parses an inline Map state. The older names are accepted as the service accepts them: <c>Iterator</c> for
/// ItemProcessor and <c>Parameters</c> for ItemSelector.
/// </summary>
internal static class MapParser
{
    private static readonly string[] ToleranceFields = ["ToleratedFailureCountPath", "ToleratedFailurePercentagePath"];

    public static MapState? Parse(JsonObject obj, CommonFields common, string location, ParseContext context)
    {
        var processorField = obj.ContainsKey("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (obj.ContainsKey("ItemProcessor") && obj.ContainsKey("Iterator"))
        {
            context.Fail(location, $"The Map state '{common.Name}' cannot have both 'ItemProcessor' and 'Iterator'.");
        }

        if (obj.ContainsKey("ItemSelector") && obj.ContainsKey("Parameters"))
        {
            context.Fail(location, $"The Map state '{common.Name}' cannot have both 'ItemSelector' and 'Parameters'.");
        }

        if (!obj.ContainsKey(processorField))
        {
            context.Fail(location, $"The Map state '{common.Name}' needs an 'ItemProcessor'.");
            return null;
        }

        if (obj[processorField] is JsonObject processor)
        {
            CheckProcessorConfig(processor, $"{location}/{processorField}", context);
        }

        var graph = GraphParser.Parse(obj[processorField], $"{location}/{processorField}", context, extraFields: ["ProcessorConfig"]);
        var selector = TemplateCompiler.Compile(obj, "ItemSelector", location, context) ?? TemplateCompiler.Compile(obj, "Parameters", location, context);
        var itemsPath = context.Path(context.String(obj, "ItemsPath", location), $"{location}/ItemsPath", "ItemsPath", reference: true);
        var maxConcurrencyExpression = context.Jsonata && obj["MaxConcurrency"] is JsonValue m && m.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? JsonataStateParser.Field(obj, "MaxConcurrency", location, context) as JsonataField
            : null;
        var maxConcurrency = maxConcurrencyExpression is null ? context.Integer(obj, "MaxConcurrency", location, min: 0) : null;
        var maxConcurrencyPath = context.Path(context.String(obj, "MaxConcurrencyPath", location), $"{location}/MaxConcurrencyPath", "MaxConcurrencyPath", reference: true);
        var toleranceChecks = new List<(string, Paths.JsonPathExpression)>();
        foreach (var field in ToleranceFields)
        {
            if (context.Path(context.String(obj, field, location), $"{location}/{field}", field, reference: true) is { } path)
            {
                toleranceChecks.Add((field, path));
            }
        }

        if (graph is null)
        {
            return null;
        }

        var distributed = ((obj[processorField] as JsonObject)?["ProcessorConfig"] as JsonObject)?["Mode"] is JsonValue mode
            && mode.GetValueKind() == System.Text.Json.JsonValueKind.String && mode.GetValue<string>() == "DISTRIBUTED";

        return common.Apply(new MapState
        {
            Name = common.Name,
            ItemProcessor = graph,
            ItemSelector = selector,
            Items = JsonataStateParser.Field(obj, "Items", location, context),
            UsesJsonata = context.Jsonata,
            ItemsPath = itemsPath ?? Paths.JsonPathExpression.Parse("$"),
            MaxConcurrency = maxConcurrency ?? 0,
            MaxConcurrencyPath = maxConcurrencyPath,
            MaxConcurrencyExpression = maxConcurrencyExpression,
            ToleranceChecks = toleranceChecks,
            IsDistributed = distributed,
            Distributed = distributed && obj[processorField] is JsonObject processorObject ? DistributedMapParser.Parse(obj, processorObject, location, context) : null,
        });
    }

    private static void CheckProcessorConfig(JsonObject processor, string location, ParseContext context)
    {
        if (processor["ProcessorConfig"] is { } present && present is not JsonObject)
        {
            context.Fail($"{location}/ProcessorConfig", "ProcessorConfig must be an object (with Mode INLINE or DISTRIBUTED).");
            return;
        }

        if (processor["ProcessorConfig"] is JsonObject config && context.String(config, "Mode", $"{location}/ProcessorConfig") is { } mode && mode is not "INLINE" and not "DISTRIBUTED")
        {
            context.Fail($"{location}/ProcessorConfig/Mode", $"'{mode}' is not a Map processor mode (INLINE or DISTRIBUTED).");
        }
    }
}
