using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// Groups items into child inputs: one item per child without an ItemBatcher; otherwise up to MaxItemsPerBatch items
/// and MaxInputBytesPerBatch bytes per child, as <c>{"BatchInput": …, "Items": [...]}</c>.
/// </summary>
internal static class ItemBatches
{
    public static async IAsyncEnumerable<ChildInput> GroupAsync(
        IAsyncEnumerable<JsonNode?> items, bool batched, int? maxItems, int? maxBytes, JsonNode? batchInput, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long index = 0;
        if (!batched)
        {
            await foreach (var item in items.WithCancellation(cancellationToken))
            {
                yield return new ChildInput(index++, 1, item);
            }

            yield break;
        }

        var overhead = Encoding.UTF8.GetByteCount(Wrap(batchInput?.DeepClone(), []).ToJsonString());
        var batch = new List<JsonNode?>();
        long first = 0;
        long bytes = overhead;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            var size = Encoding.UTF8.GetByteCount(item?.ToJsonString() ?? "null") + 1;
            if (batch.Count > 0 && ((maxItems is { } m && batch.Count >= m) || (maxBytes is { } b && bytes + size > b)))
            {
                yield return new ChildInput(first, batch.Count, Wrap(batchInput?.DeepClone(), batch));
                first = index;
                batch = [];
                bytes = overhead;
            }

            batch.Add(item);
            bytes += size;
            index++;
        }

        if (batch.Count > 0)
        {
            yield return new ChildInput(first, batch.Count, Wrap(batchInput?.DeepClone(), batch));
        }
    }

    private static JsonObject Wrap(JsonNode? batchInput, List<JsonNode?> items)
    {
        var input = new JsonObject();
        if (batchInput is not null)
        {
            input["BatchInput"] = batchInput;
        }

        input["Items"] = new JsonArray([.. items.Select(i => i?.Parent is null ? i : i.DeepClone())]);
        return input;
    }
}

/// <summary>The input of one child execution and the items it covers.</summary>
internal sealed record ChildInput(long FirstItemIndex, int ItemCount, JsonNode? Input);
