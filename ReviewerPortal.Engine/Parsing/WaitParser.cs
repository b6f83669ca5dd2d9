using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses a Wait state: exactly one of Seconds, Timestamp, SecondsPath and TimestampPath.</summary>
internal static class WaitParser
{
    private static readonly string[] Fields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];

    public static WaitState? Parse(JsonObject obj, CommonFields common, string location, ParseContext context)
    {
        var given = Fields.Where(obj.ContainsKey).ToList();
        if (given.Count != 1)
        {
            context.Fail(location, $"The Wait state '{common.Name}' needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath.");
            return null;
        }

        if (context.Jsonata && (JsonataTemplate.IsExpression(obj["Seconds"], out _) || JsonataTemplate.IsExpression(obj["Timestamp"], out _)))
        {
            return common.Apply(new WaitState
            {
                Name = common.Name,
                SecondsExpression = JsonataStateParser.Field(obj, "Seconds", location, context),
                TimestampExpression = JsonataStateParser.Field(obj, "Timestamp", location, context),
            });
        }

        var seconds = context.Integer(obj, "Seconds", location, min: 0);
        DateTimeOffset? timestamp = null;
        if (context.String(obj, "Timestamp", location) is { } text)
        {
            if (WaitState.TryParseTimestamp(text, out var at))
            {
                timestamp = at;
            }
            else
            {
                context.Fail($"{location}/Timestamp", $"'{text}' is not an RFC 3339 timestamp such as 2016-03-14T01:59:00Z.");
            }
        }

        return common.Apply(new WaitState
        {
            Name = common.Name,
            Seconds = seconds,
            Timestamp = timestamp,
            SecondsPath = context.Path(context.String(obj, "SecondsPath", location), $"{location}/SecondsPath", "SecondsPath", reference: true),
            TimestampPath = context.Path(context.String(obj, "TimestampPath", location), $"{location}/TimestampPath", "TimestampPath", reference: true),
        });
    }
}
