using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// ResultWriter: writes the children's results to S3 under <c>{Prefix}/{mapRunId}/</c> as AWS lays them out —
/// <c>SUCCEEDED_n.json</c>, <c>FAILED_n.json</c> (failed, timed out, aborted) and <c>PENDING_n.json</c> (children still
/// running, and items never started) for each status that has any, each a JSON array of results, and a
/// <c>manifest.json</c> listing them. A file ends before it would pass <see cref="DistributedMaps.ResultFileMaxBytes"/>
/// (AWS's 5 GB) and the next one (<c>_1</c>, <c>_2</c>, …) takes over. The results are streamed a page of children at a
/// time. WriterConfig shapes them (<see cref="MapRunResultRecords"/>); with OutputType JSONL each file is JSON Lines,
/// named <c>…_n.jsonl</c>.
/// </summary>
internal sealed class MapRunResultWriter(DistributedMaps maps, MapRunRecord mapRun, JsonNode? parameters, ResultWriterFormat format, IAsyncEnumerable<MapRunChild> unfinished)
{
    private static readonly string[] Succeeded = ["SUCCEEDED"];
    private static readonly string[] Failed = ["FAILED", "TIMED_OUT", "ABORTED"];

    private readonly MapRunResultRecords records = new(maps, mapRun, format);
    private long written;

    public async Task<(JsonNode Output, long Written)> WriteAsync(CancellationToken cancellationToken)
    {
        var objects = maps.Objects ?? throw new StateFailure(StatesErrors.ResultWriterFailed, "The local engine has no S3 object store to write results to.");
        var bucket = parameters?["Bucket"] is JsonValue b && b.GetValueKind() == JsonValueKind.String
            ? b.GetValue<string>()
            : throw new StateFailure(StatesErrors.ResultWriterFailed, "The ResultWriter needs Parameters.Bucket.");
        var prefix = parameters?["Prefix"]?.GetValue<string>()?.TrimEnd('/');
        var folder = (string.IsNullOrEmpty(prefix) ? string.Empty : prefix + "/") + MapRunArns.IdOf(mapRun.Arn);
        var files = new ResultFiles(objects, bucket, folder, format.OutputType == "JSONL", maps.ResultFileMaxBytes);
        try
        {
            var manifest = new JsonObject
            {
                ["DestinationBucket"] = bucket,
                ["MapRunArn"] = mapRun.Arn,
                ["ResultFiles"] = new JsonObject
                {
                    ["SUCCEEDED"] = await files.WriteAsync("SUCCEEDED", StoredResultsAsync(Succeeded, cancellationToken), cancellationToken),
                    ["FAILED"] = await files.WriteAsync("FAILED", StoredResultsAsync(Failed, cancellationToken), cancellationToken),
                    ["PENDING"] = await files.WriteAsync("PENDING", UnfinishedResultsAsync(cancellationToken), cancellationToken),
                },
            };
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

    /// <summary>The ended children of the given statuses, in item order; each counts as a result written.</summary>
    private async IAsyncEnumerable<JsonNode?> StoredResultsAsync(string[] statuses, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = await maps.Store.ListChildrenAsync(mapRun.Arn); page.Count > 0; page = await maps.Store.ListChildrenAsync(mapRun.Arn, afterIndex: page[^1].Index))
        {
            foreach (var child in page.Where(c => statuses.Contains(c.Status)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                written++;
                foreach (var result in await records.ResultsAsync(child))
                {
                    yield return result;
                }
            }
        }
    }

    private async IAsyncEnumerable<JsonNode?> UnfinishedResultsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var child in unfinished.WithCancellation(cancellationToken))
        {
            foreach (var result in await records.ResultsAsync(child))
            {
                yield return result;
            }
        }
    }
}
