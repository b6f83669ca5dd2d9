using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>What a Map Run's PENDING result files list: the children that had not ended when the Map Run did.</summary>
internal sealed partial class DistributedMapRun
{
    /// <summary>
    /// In item order: each child still running, as stored, and each child never started (the Map Run failed past its
    /// tolerance before reaching it), rebuilt from the items as it would have started. The items are read again and
    /// walked beside the stored rows a page at a time, so memory stays bounded; nothing is read when every item started.
    /// </summary>
    private async IAsyncEnumerable<MapRunChild> UnfinishedChildrenAsync(
        LiveMapRun live, JsonNode? input, JsonNode? readerParameters, JsonNode? batchInput, MapRunSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var counts = live.Counter.Items();
        if (counts.Pending == 0 && counts.Running == 0)
        {
            yield break;
        }

        var stored = new StoredChildCursor(maps.Store, live.Record.Arn);
        var items = SelectedItemsAsync(input, readerParameters, settings, cancellationToken);
        var index = -1;
        await foreach (var childInput in ItemBatches.GroupAsync(items, config.ItemBatcher is not null, settings.MaxItemsPerBatch, settings.MaxInputBytesPerBatch, batchInput, cancellationToken))
        {
            index++;
            switch (await stored.AtAsync(index))
            {
                case null:
                    yield return NewChild(live.Record, index, childInput) with { Status = MapRunResultRecords.NeverStarted };
                    break;
                case { IsRunning: true } running:
                    yield return running;
                    break;
            }
        }
    }

    /// <summary>Walks a Map Run's stored children in index order, a page at a time.</summary>
    private sealed class StoredChildCursor(IMapRunStore store, string mapRunArn)
    {
        private IReadOnlyList<MapRunChild> page = [];
        private int position;
        private bool exhausted;

        /// <summary>The stored child of <paramref name="index"/>, or null; indexes must be asked for in increasing order.</summary>
        public async Task<MapRunChild?> AtAsync(int index)
        {
            while (!exhausted)
            {
                if (position == page.Count)
                {
                    page = await store.ListChildrenAsync(mapRunArn, afterIndex: page.Count == 0 ? -1 : page[^1].Index);
                    position = 0;
                    exhausted = page.Count == 0;
                    continue;
                }

                if (page[position].Index < index)
                {
                    position++;
                    continue;
                }

                return page[position].Index == index ? page[position] : null;
            }

            return null;
        }
    }
}
