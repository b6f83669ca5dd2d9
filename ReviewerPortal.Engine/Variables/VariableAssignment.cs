using System.Text;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.Variables;

/// <summary>
/// The values one <c>Assign</c> evaluated to, checked against the service quota before any is stored: "the maximum size
/// of a single variable is 256 KiB, and the combined size of the variables in one Assign field is 256 KiB" (UTF-8 JSON
/// text); more fails the state with States.DataLimitExceeded, which States.ALL does not catch.
/// </summary>
internal sealed class VariableAssignment
{
    public const int MaxBytes = 256 * 1024;

    private VariableAssignment(IReadOnlyList<KeyValuePair<string, JsonNode?>> values) => Values = values;

    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Values { get; }

    /// <summary>Takes the fields of an evaluated Assign template (a JSON object) as variables.</summary>
    public static VariableAssignment From(JsonNode? evaluated, string stateName)
    {
        var values = new List<KeyValuePair<string, JsonNode?>>();
        var total = 0;
        foreach (var (name, value) in evaluated as JsonObject ?? new JsonObject())
        {
            var size = Encoding.UTF8.GetByteCount(value?.ToJsonString() ?? "null");
            total += size;
            if (size > MaxBytes || total > MaxBytes)
            {
                throw new StateFailure(
                    StatesErrors.DataLimitExceeded,
                    $"The variables assigned by the state '{stateName}' exceed the 256 KiB limit (the variable '{name}' brings them to {total} bytes).");
            }

            values.Add(KeyValuePair.Create(name, JsonData.Detached(value)));
        }

        return new VariableAssignment(values);
    }

    /// <summary>Two Assign fields of one step (a Choice state and its matched rule): the later one wins a name both set.</summary>
    public VariableAssignment Then(VariableAssignment later, string stateName)
    {
        var merged = new JsonObject();
        foreach (var (name, value) in Values.Concat(later.Values))
        {
            merged[name] = value?.DeepClone();
        }

        return From(merged, stateName);
    }
}
