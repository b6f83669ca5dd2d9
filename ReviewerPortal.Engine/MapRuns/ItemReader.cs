using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Streams a Distributed Map's items from S3 as its ItemReader describes: a JSON array, JSON Lines, CSV rows, the rows
/// of an S3 inventory (MANIFEST), or the objects under a prefix (listObjectsV2). Nothing is read whole.
/// </summary>
internal sealed class ItemReader(ItemReaderConfig config, JsonNode? parameters, IBatchObjectStore objects)
{
    public async IAsyncEnumerable<JsonNode?> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var bucket = Required("Bucket");
        if (config.InputType is null)
        {
            foreach (var listed in objects.List(bucket, parameters?["Prefix"]?.GetValue<string>()))
            {
                yield return new JsonObject
                {
                    ["Etag"] = listed.ETag,
                    ["Key"] = listed.Key,
                    ["LastModified"] = listed.LastModified.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["Size"] = listed.Size,
                    ["StorageClass"] = "STANDARD",
                };
            }

            yield break;
        }

        var key = Required("Key");
        await foreach (var item in ReadObjectAsync(bucket, key, config.InputType, cancellationToken))
        {
            yield return item;
        }
    }

    private async IAsyncEnumerable<JsonNode?> ReadObjectAsync(string bucket, string key, string inputType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = Open(bucket, key);
        switch (inputType)
        {
            case "JSON":
                // The array's elements are parsed one at a time; the whole document is never held.
                await foreach (var item in JsonSerializer.DeserializeAsyncEnumerable<JsonNode?>(stream, cancellationToken: cancellationToken))
                {
                    yield return item;
                }

                break;
            case "JSONL":
                using (var reader = new StreamReader(stream))
                {
                    while (await reader.ReadLineAsync(cancellationToken) is { } line)
                    {
                        if (!string.IsNullOrWhiteSpace(line))
                        {
                            yield return Parse(line, key);
                        }
                    }
                }

                break;
            case "CSV":
                foreach (var row in CsvItems(new StreamReader(stream), config.CsvHeaderLocation == "GIVEN" ? config.CsvHeaders : null))
                {
                    yield return row;
                }

                break;
            default:
                await foreach (var row in ManifestRowsAsync(stream, cancellationToken))
                {
                    yield return row;
                }

                break;
        }
    }

    /// <summary>
    /// An S3 inventory manifest lists CSV data files (gzip-compressed, as S3 writes them) and their column names
    /// (<c>fileSchema</c>); each row of each file is one item, an object of those columns.
    /// </summary>
    private async IAsyncEnumerable<JsonNode?> ManifestRowsAsync(Stream manifestStream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var manifest = await JsonNode.ParseAsync(manifestStream, cancellationToken: cancellationToken) as JsonObject
            ?? throw Failed("The inventory manifest is not a JSON object.");
        var schema = manifest["fileSchema"]?.GetValue<string>().Split(',').Select(c => c.Trim()).ToList()
            ?? throw Failed("The inventory manifest has no fileSchema.");
        var destination = manifest["destinationBucket"]?.GetValue<string>() ?? Required("Bucket");
        var dataBucket = destination.StartsWith("arn:aws:s3:::", StringComparison.Ordinal) ? destination["arn:aws:s3:::".Length..] : destination;
        foreach (var file in manifest["files"] as JsonArray ?? [])
        {
            var fileKey = file?["key"]?.GetValue<string>() ?? throw Failed("An inventory file entry has no key.");
            await using var data = Open(dataBucket, fileKey);
            Stream text = fileKey.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(data, CompressionMode.Decompress) : data;
            await using (text)
            {
                foreach (var row in CsvItems(new StreamReader(text), schema))
                {
                    yield return row;
                }
            }
        }
    }

    private static IEnumerable<JsonNode?> CsvItems(StreamReader reader, IReadOnlyList<string>? headers)
    {
        using (reader)
        {
            foreach (var row in CsvRows.Read(reader))
            {
                if (headers is null)
                {
                    headers = row;
                    continue;
                }

                var item = new JsonObject();
                for (var i = 0; i < headers.Count; i++)
                {
                    item[headers[i]] = i < row.Count ? row[i] : string.Empty;
                }

                yield return item;
            }
        }
    }

    private Stream Open(string bucket, string key)
    {
        try
        {
            return objects.OpenRead(bucket, key) ?? throw Failed($"S3 object s3://{bucket}/{key} does not exist (NoSuchKey).");
        }
        catch (ArgumentException e)
        {
            throw Failed(e.Message);
        }
    }

    private static JsonNode? Parse(string line, string key)
    {
        try
        {
            return JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            throw Failed($"A line of s3 object '{key}' is not valid JSON.");
        }
    }

    private string Required(string field) =>
        parameters?[field] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : throw Failed($"The ItemReader needs Parameters.{field}.");

    private static StateFailure Failed(string cause) => new(StatesErrors.ItemReaderFailed, cause);
}
