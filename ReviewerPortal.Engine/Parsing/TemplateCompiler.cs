using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Intrinsics;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Compiles a payload template once; every <c>.$</c> value must be a valid path or intrinsic function call.</summary>
internal static class TemplateCompiler
{
    public static PayloadTemplate? Compile(JsonObject state, string field, string location, ParseContext context)
    {
        if (!state.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        return Compile(node, $"{location}/{field}", context);
    }

    public static PayloadTemplate Compile(JsonNode? node, string location, ParseContext context)
    {
        if (context.Jsonata)
        {
            return (PayloadTemplate?)JsonataStateParser.Template(node, location, context) ?? new StaticTemplate(null);
        }

        switch (node)
        {
            case JsonObject obj:
                var fields = new List<KeyValuePair<string, PayloadTemplate>>();
                var dynamic = false;
                foreach (var (name, value) in obj)
                {
                    var template = CompileField(name, value, $"{location}/{name}", context, out var fieldName);
                    dynamic |= template is not StaticTemplate;
                    fields.Add(KeyValuePair.Create(fieldName, template));
                }

                return dynamic ? new ObjectTemplate(fields) : new StaticTemplate(obj.DeepClone());
            case JsonArray array:
                var items = array.Select((item, i) => Compile(item, $"{location}/{i}", context)).ToList();
                return items.All(i => i is StaticTemplate) ? new StaticTemplate(array.DeepClone()) : new ArrayTemplate(items);
            default:
                return new StaticTemplate(node?.DeepClone());
        }
    }

    private static PayloadTemplate CompileField(string name, JsonNode? value, string location, ParseContext context, out string fieldName)
    {
        if (!name.EndsWith(".$", StringComparison.Ordinal))
        {
            fieldName = name;
            return Compile(value, location, context);
        }

        fieldName = name[..^2];
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            context.Fail(location, $"The value of '{name}' must be a string holding a path or an intrinsic function.");
            return new StaticTemplate(null);
        }

        var text = v.GetValue<string>();
        if (IntrinsicParser.LooksLikeCall(text))
        {
            return context.Intrinsic(text, location, name) is { } call ? new IntrinsicTemplate(call) : new StaticTemplate(null);
        }

        return context.Path(text, location, name, reference: false) is { } path ? new PathTemplate(fieldName, path) : new StaticTemplate(null);
    }
}
