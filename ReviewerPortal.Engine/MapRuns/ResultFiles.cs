using System.Text.Json;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Writes one status's results as <c>{name}_0</c>, <c>{name}_1</c>, … under a Map Run's result folder: a JSON array
/// (or JSON Lines) per file, each file ending before it would pass <paramref name="maxFileBytes"/> (a file holds at
/// least one result, whatever its size). Returns the manifest's list of those files (Key and Size).
/// </summary>
internal sealed class ResultFiles(IBatchObjectStore objects, string bucket, string folder, bool jsonLines, long maxFileBytes)
{
    private static readonly byte[] LineBreak = "\n"u8.ToArray();
    private static readonly byte[] OpenArray = "["u8.ToArray();
    private static readonly byte[] Comma = ","u8.ToArray();
    private static readonly byte[] CloseArray = "]"u8.ToArray();

    public async Task<JsonArray> WriteAsync(string name, IAsyncEnumerable<JsonNode?> results, CancellationToken cancellationToken)
    {
        var files = new JsonArray();
        await using var cursor = results.GetAsyncEnumerator(cancellationToken);
        var next = await cursor.MoveNextAsync() ? Bytes(cursor.Current) : null;
        for (var number = 0; next is not null; number++)
        {
            var key = $"{folder}/{name}_{number}.{(jsonLines ? "jsonl" : "json")}";
            var first = next;
            var size = await objects.WriteAsync(bucket, key, async stream => next = await WriteFileAsync(stream, first, cursor, cancellationToken), cancellationToken);
            files.Add(new JsonObject { ["Key"] = key, ["Size"] = size });
        }

        return files;
    }

    /// <summary>Writes results from <paramref name="first"/> on while they fit; returns the first that did not (null: none left).</summary>
    private async Task<byte[]?> WriteFileAsync(Stream stream, byte[] first, IAsyncEnumerator<JsonNode?> cursor, CancellationToken cancellationToken)
    {
        // A JSON array costs its brackets and a comma before every result but the first; JSON Lines a line break after each.
        long size = jsonLines ? 0 : 2;
        byte[]? result = first;
        var count = 0;
        while (result is not null)
        {
            var cost = result.Length + (jsonLines || count > 0 ? 1 : 0);
            if (count > 0 && size + cost > maxFileBytes)
            {
                break;
            }

            if (!jsonLines)
            {
                await stream.WriteAsync(count == 0 ? OpenArray : Comma, cancellationToken);
            }

            await stream.WriteAsync(result, cancellationToken);
            if (jsonLines)
            {
                await stream.WriteAsync(LineBreak, cancellationToken);
            }

            size += cost;
            count++;
            result = await cursor.MoveNextAsync() ? Bytes(cursor.Current) : null;
        }

        if (!jsonLines)
        {
            await stream.WriteAsync(CloseArray, cancellationToken);
        }

        return result;
    }

    private static byte[] Bytes(JsonNode? result) => JsonSerializer.SerializeToUtf8Bytes(result);
}
