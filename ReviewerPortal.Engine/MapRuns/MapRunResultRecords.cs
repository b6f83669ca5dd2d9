using System.Globalization;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// What one child contributes to a result file: its result whole (the fields and names of AWS's result files), or
/// under COMPACT/FLATTEN a successful child's output (or its elements). A never-started item's entry is its input and
/// status only: it has no execution.
/// </summary>
internal sealed class MapRunResultRecords(DistributedMaps maps, MapRunRecord mapRun, ResultWriterFormat format)
{
    /// <summary>Status of a result-file entry for an item whose child never started (AWS documents no shape for it).</summary>
    public const string NeverStarted = "PENDING";

    public async Task<IEnumerable<JsonNode?>> ResultsAsync(MapRunChild child)
    {
        if (format.Transformation == "NONE" || child.Status != "SUCCEEDED")
        {
            // A failed (or unfinished) execution's result is written whole whatever the Transformation.
            return [await ResultAsync(child)];
        }

        var output = Payloads.Parse(child.Output);
        return format.Transformation == "FLATTEN" && output is JsonArray elements
            ? [.. elements.Select(JsonData.Detached)]
            : [output];
    }

    private async Task<JsonObject> ResultAsync(MapRunChild child)
    {
        if (child.Status == NeverStarted)
        {
            return new JsonObject { ["Input"] = child.Input, ["InputDetails"] = new JsonObject { ["Included"] = true }, ["Status"] = NeverStarted };
        }

        var result = new JsonObject
        {
            ["ExecutionArn"] = child.ExecutionArn,
            ["Input"] = child.Input,
            ["InputDetails"] = new JsonObject { ["Included"] = true },
            ["Name"] = child.Name,
        };
        if (child.Status == "SUCCEEDED")
        {
            result["Output"] = child.Output;
            result["OutputDetails"] = new JsonObject { ["Included"] = true };
        }
        else if (!child.IsRunning)
        {
            result["Error"] = child.Error;
            result["Cause"] = child.Cause;
        }

        result["RedriveCount"] = child.RedriveCount;
        var (status, reason) = await RedriveStatusAsync(child);
        result["RedriveStatus"] = status;
        if (reason is not null)
        {
            result["RedriveStatusReason"] = reason;
        }

        result["StartDate"] = Timestamp(child.StartDate);
        result["StateMachineArn"] = mapRun.ChildStateMachineArn;
        result["Status"] = child.Status;
        if (child.StopDate is { } stop)
        {
            result["StopDate"] = Timestamp(stop);
        }

        return result;
    }

    /// <summary>
    /// A child's redriveStatus as DescribeExecution gives it: an ended, successful or running one is NOT_REDRIVABLE
    /// with DescribeExecution's reason; an unsuccessful one is REDRIVABLE_BY_MAP_RUN unless its own redrive rules refuse
    /// it (a Standard child past 14 days, or out of history), then NOT_REDRIVABLE with the rule's reason.
    /// </summary>
    private async Task<(string Status, string? Reason)> RedriveStatusAsync(MapRunChild child) => child.Status switch
    {
        "SUCCEEDED" => ("NOT_REDRIVABLE", "Execution is SUCCEEDED and cannot be redriven."),
        "RUNNING" => ("NOT_REDRIVABLE", "Execution is RUNNING and cannot be redriven."),
        _ => await maps.ChildRedriveBlockedAsync(mapRun, child) is { } blocked ? ("NOT_REDRIVABLE", blocked) : ("REDRIVABLE_BY_MAP_RUN", null),
    };

    private static string Timestamp(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
