using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// ResultWriter: writes the children's results to S3 under <c>{Prefix}/{mapRunId}/</c> as AWS lays them out — one
/// <c>SUCCEEDED_n.json</c>, <c>FAILED_n.json</c> (failed, timed out, aborted) and <c>PENDING_n.json</c> file per
/// status that has any, each a JSON array of execution results, and a <c>manifest.json</c> listing them. The files are
/// written by streaming the children's rows a page at a time. WriterConfig shapes them (<see cref="ResultWriterFormat"/>):
/// with OutputType JSONL each file is JSON Lines, named <c>…_0.jsonl</c>.
/// </summary>
internal sealed class MapRunResultWriter(DistributedMaps maps, MapRunRecord mapRun, JsonNode? parameters, ResultWriterFormat format)
{
    private static readonly (string File, string[] Statuses)[] Groups =
    [
        ("SUCCEEDED", ["SUCCEEDED"]),
        ("FAILED", ["FAILED", "TIMED_OUT", "ABORTED"]),
        ("PENDING", ["RUNNING"]),
    ];

    public async Task<(JsonNode Output, long Written)> WriteAsync(CancellationToken cancellationToken)
    {
        var objects = maps.Objects ?? throw new StateFailure(StatesErrors.ResultWriterFailed, "The local engine has no S3 object store to write results to.");
        var bucket = parameters?["Bucket"] is JsonValue b && b.GetValueKind() == JsonValueKind.String
            ? b.GetValue<string>()
            : throw new StateFailure(StatesErrors.ResultWriterFailed, "The ResultWriter needs Parameters.Bucket.");
        var prefix = parameters?["Prefix"]?.GetValue<string>()?.TrimEnd('/');
        var folder = (string.IsNullOrEmpty(prefix) ? string.Empty : prefix + "/") + MapRunArns.IdOf(mapRun.Arn);
        var files = new JsonObject();
        long written = 0;
        try
        {
            foreach (var (name, statuses) in Groups)
            {
                var list = new JsonArray();
                var key = $"{folder}/{name}_0.{(format.OutputType == "JSONL" ? "jsonl" : "json")}";
                var count = await CountAsync(statuses);
                if (count > 0)
                {
                    var size = await objects.WriteAsync(bucket, key, stream => WriteResultsAsync(stream, statuses, cancellationToken), cancellationToken);
                    list.Add(new JsonObject { ["Key"] = key, ["Size"] = size });
                    written += name == "PENDING" ? 0 : count;
                }

                files[name] = list;
            }

            var manifest = new JsonObject { ["DestinationBucket"] = bucket, ["MapRunArn"] = mapRun.Arn, ["ResultFiles"] = files };
            var manifestKey = $"{folder}/manifest.json";
            await objects.WriteAsync(bucket, manifestKey, async stream => await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(manifest), cancellationToken), cancellationToken);
            var output = new JsonObject
            {
                ["MapRunArn"] = mapRun.Arn,
                ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = bucket, ["Key"] = manifestKey },
            };
            return (output, written);
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new StateFailure(StatesErrors.ResultWriterFailed, $"Writing the Map Run results to s3://{bucket}/{folder}/ failed: {e.Message}");
        }
    }

    private async Task<long> CountAsync(string[] statuses) =>
        (await maps.Store.CountChildrenAsync(mapRun.Arn)).Where(c => statuses.Contains(c.Status)).Sum(c => c.Children);

    private async Task WriteResultsAsync(Stream stream, string[] statuses, CancellationToken cancellationToken)
    {
        var lines = format.OutputType == "JSONL";
        await using var writer = new Utf8JsonWriter(stream);
        if (!lines)
        {
            writer.WriteStartArray();
        }

        for (var page = await maps.Store.ListChildrenAsync(mapRun.Arn); page.Count > 0; page = await maps.Store.ListChildrenAsync(mapRun.Arn, afterIndex: page[^1].Index))
        {
            foreach (var result in page.Where(c => statuses.Contains(c.Status)).SelectMany(Results))
            {
                if (lines)
                {
                    // One value per line: written whole, then the line break, outside the (single-value) JSON writer.
                    await stream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(result), cancellationToken);
                    await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
                }
                else if (result is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    result.WriteTo(writer);
                }
            }

            await writer.FlushAsync(cancellationToken);
        }

        if (!lines)
        {
            writer.WriteEndArray();
        }
    }

    /// <summary>What one execution contributes to its file under the Transformation: its whole result, its output, or the output's elements.</summary>
    private IEnumerable<JsonNode?> Results(MapRunChild child)
    {
        if (format.Transformation == "NONE" || child.Status != "SUCCEEDED")
        {
            // A failed (or unfinished) execution's result is written whole whatever the Transformation.
            return [Result(child)];
        }

        var output = Payloads.Parse(child.Output);
        return format.Transformation == "FLATTEN" && output is JsonArray elements
            ? [.. elements.Select(JsonData.Detached)]
            : [output];
    }

    /// <summary>One execution's result, with the fields and names of AWS's result files.</summary>
    private JsonObject Result(MapRunChild child)
    {
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
        result["RedriveStatus"] = child.Status == "SUCCEEDED" ? "NOT_REDRIVABLE" : "REDRIVABLE_BY_MAP_RUN";
        result["StartDate"] = Timestamp(child.StartDate);
        result["StateMachineArn"] = mapRun.ChildStateMachineArn;
        result["Status"] = child.Status;
        if (child.StopDate is { } stop)
        {
            result["StopDate"] = Timestamp(stop);
        }

        return result;
    }

    private static string Timestamp(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
