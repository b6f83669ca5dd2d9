using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Paths;

/// <summary>
/// Places a result into a copy of the state's input at a reference path (ResultPath), creating missing objects on the
/// way; "If the path … doesn't match the input's structure", the state fails with States.ResultPathMatchFailure.
/// </summary>
internal static class ResultPathWriter
{
    public static JsonNode? Write(JsonNode? input, JsonPathExpression path, JsonNode? result)
    {
        if (path.IsRoot)
        {
            return result;
        }

        result = JsonData.Detached(result);
        var root = input?.DeepClone();
        if (root is not JsonObject and not JsonArray)
        {
            throw Mismatch(path, "the input is not an object");
        }

        JsonNode container = root;
        for (var i = 0; i < path.Segments.Count; i++)
        {
            var last = i == path.Segments.Count - 1;
            switch (path.Segments[i], container)
            {
                case (ChildSegment child, JsonObject obj):
                    if (last)
                    {
                        obj[child.Name] = result;
                    }
                    else
                    {
                        var next = obj[child.Name];
                        if (next is not JsonObject and not JsonArray)
                        {
                            if (obj.ContainsKey(child.Name) && obj[child.Name] is not null)
                            {
                                throw Mismatch(path, $"'{child.Name}' is not an object");
                            }

                            next = new JsonObject();
                            obj[child.Name] = next;
                        }

                        container = next;
                    }

                    break;
                case (IndexSegment index, JsonArray array) when index.Index >= 0 && index.Index < array.Count:
                    if (last)
                    {
                        array[index.Index] = result;
                    }
                    else
                    {
                        container = array[index.Index] as JsonNode is JsonObject or JsonArray
                            ? array[index.Index]!
                            : throw Mismatch(path, $"element {index.Index} is not an object");
                    }

                    break;
                default:
                    throw Mismatch(path, "the input does not have that structure");
            }
        }

        return root;
    }

    private static StateFailure Mismatch(JsonPathExpression path, string why) =>
        new(StatesErrors.ResultPathMatchFailure, $"Unable to apply ResultPath '{path.Text}': {why}.");
}
