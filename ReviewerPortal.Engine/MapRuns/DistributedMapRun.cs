using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Execution;
using ReviewerPortal.Engine.Model;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.MapRuns;

/// <summary>
/// One Distributed Map state's Map Run: streams the items, starts a child execution per item or batch (at most
/// MaxConcurrency at a time), counts outcomes against the tolerated failures, and writes or returns the results.
/// After a restart the parent replays to here, finds its Map Run by the recorded MapRunStarted event, and starts only
/// the children that had not finished. A redriven parent redrives the Map Run (see DistributedMapRun.Start.cs).
/// </summary>
internal sealed partial class DistributedMapRun(DistributedMaps maps, MapState state, StateRun run)
{
    private const int FlushEvery = 256;
    private const string ThresholdCause = "The specified tolerated failure threshold was exceeded";
    private readonly DistributedMapConfig config = state.Distributed!;

    public async Task<StateResult> RunAsync(JsonNode? input)
    {
        var scope = run.Scope(input);
        var settings = MapRunSettings.Resolve(state, config, scope);
        var readerParameters = config.ItemReader?.Parameters?.Evaluate(scope);
        var batchInput = config.ItemBatcher?.BatchInput?.Evaluate(scope);
        var writerParameters = config.ResultWriter?.Evaluate(scope);
        var total = await CountItemsAsync(input, readerParameters, settings);
        run.Emit(Events.MapStarted((int)Math.Min(total, int.MaxValue)));

        var (record, resumed) = await StartOrResumeAsync(settings, total);
        using var live = maps.Register(record, await CounterAsync(record, resumed), run.Cancellation);
        try
        {
            await DispatchAsync(live, input, readerParameters, batchInput, settings, resumed);
        }
        catch (OperationCanceledException) when (run.Execution.Stopping.IsCancellationRequested)
        {
            // StopExecution on the parent aborts its Map Run; an engine shutdown leaves it running, to resume.
            await new MapRunRedrive(maps).SettleUnrunAsync(record.Arn);
            maps.Store.SaveMapRun(live.Update(r => r with { Status = MapRunStatus.Aborted, StopDate = run.Execution.Now.UtcDateTime }));
            throw;
        }
        finally
        {
            maps.Unregister(record.Arn);
        }

        return await FinishAsync(live, writerParameters, UnfinishedChildrenAsync(live, input, readerParameters, batchInput, settings));
    }

    private async Task<long> CountItemsAsync(JsonNode? input, JsonNode? readerParameters, MapRunSettings settings)
    {
        // A first pass counts the items (streaming), so that the Map Run knows its total and pending items from the start.
        long total = 0;
        await foreach (var _ in ItemsAsync(input, readerParameters, settings, run.Cancellation))
        {
            total++;
        }

        return total;
    }

    private async Task<MapRunCounter> CounterAsync(MapRunRecord record, Dictionary<int, MapRunChild>? resumed) =>
        resumed is null ? new MapRunCounter(record.TotalItems) : MapRunCounter.From(record.TotalItems, await maps.Store.CountChildrenAsync(record.Arn));

    private async Task DispatchAsync(LiveMapRun live, JsonNode? input, JsonNode? readerParameters, JsonNode? batchInput, MapRunSettings settings, Dictionary<int, MapRunChild>? resumed)
    {
        var running = new ConcurrentDictionary<int, Task>();
        var items = SelectedItemsAsync(input, readerParameters, settings, live.Abort.Token);
        var children = ItemBatches.GroupAsync(items, config.ItemBatcher is not null, settings.MaxItemsPerBatch, settings.MaxInputBytesPerBatch, batchInput, live.Abort.Token);
        var index = -1;
        try
        {
            await foreach (var childInput in children)
            {
                index++;
                var prior = resumed?.GetValueOrDefault(index);
                if (prior is not null && MapRunChildStatus.IsFinal(prior.Status))
                {
                    continue;
                }

                if (index % FlushEvery == FlushEvery - 1)
                {
                    // Children are written faster than a durable store commits them: wait for the writer now and then,
                    // so that the queue of writes (and memory) stays bounded however many items there are.
                    await maps.FlushAsync();
                }

                await live.Gate.WaitAsync(live.Abort.Token);
                if (live.Abort.IsCancellationRequested)
                {
                    live.Gate.Release();
                    break;
                }

                // A child found RUNNING after a restart is counted already; a new one (or one a redrive reset) starts now.
                var child = prior switch
                {
                    { IsRunning: true } => prior,
                    null => NewChild(live.Record, index, childInput),
                    _ => prior with { Status = "RUNNING", StartDate = run.Execution.Now.UtcDateTime, StopDate = null, Output = null, Error = null, Cause = null, StatusBeforeRedrive = null },
                };
                if (prior is not { IsRunning: true })
                {
                    maps.Store.SaveChild(child);
                    live.Counter.Started(child.ItemCount, prior?.Status);
                }

                // Only the children in flight are held: each removes itself when it ends (added first, so none is left behind).
                var task = RunChildAsync(live, child);
                running[index] = task;
                var key = index;
                _ = task.ContinueWith(t => running.TryRemove(KeyValuePair.Create(key, t)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (live.Abort.IsCancellationRequested)
        {
            // Exceeding the threshold (or stopping the parent) stops starting children; those not started stay pending.
        }

        await Task.WhenAll(running.Values);
        run.Cancellation.ThrowIfCancellationRequested();
    }

    private MapRunChild NewChild(MapRunRecord record, int index, ChildInput childInput)
    {
        var name = MapRunArns.Id($"{record.Arn}/{index}");
        var arn = config.ExecutionType == "EXPRESS"
            ? MapRunArns.ExpressChild(record.StateMachineArn, config.Label ?? state.Name, name)
            : MapRunArns.StandardChild(record.StateMachineArn, config.Label ?? state.Name, name);
        var text = Payloads.Serialize(childInput.Input, "input of the child execution", state.Name);
        return new MapRunChild(record.Arn, index, childInput.FirstItemIndex, childInput.ItemCount, arn, name, text, run.Execution.Now.UtcDateTime);
    }

    private async Task RunChildAsync(LiveMapRun live, MapRunChild child)
    {
        ChildOutcome outcome;
        try
        {
            outcome = await maps.RunChildAsync(live.Record, config, child, run.Execution.Identity.RoleArn, live.Abort.Token);
        }
        catch (OperationCanceledException) when (live.Abort.IsCancellationRequested && (live.ThresholdExceeded || run.Execution.Stopping.IsCancellationRequested))
        {
            // Aborted by the threshold or by StopExecution on the parent; an engine shutdown leaves the child running.
            await maps.StopChildAsync(live.Record, child);
            outcome = new ChildOutcome("ABORTED", null, null, null, run.Execution.Now.UtcDateTime);
        }
        catch (OperationCanceledException)
        {
            live.Gate.Release();
            return;
        }

        maps.Store.SaveChild(child with { Status = outcome.Status, Output = outcome.Output, Error = outcome.Error, Cause = outcome.Cause, StopDate = outcome.StopDate });
        live.Counter.Ended(outcome.Status, child.ItemCount);
        if (outcome.Status != "SUCCEEDED")
        {
            live.CheckTolerance();
        }

        // Released only after the threshold was checked: the next child must not start past an exceeded threshold.
        live.Gate.Release();
    }

    private async Task<StateResult> FinishAsync(LiveMapRun live, JsonNode? writerParameters, IAsyncEnumerable<MapRunChild> unfinished)
    {
        var failed = live.ThresholdExceeded;
        if (live.Record.RedriveCount > 0)
        {
            await new MapRunRedrive(maps).SettleUnrunAsync(live.Record.Arn);
        }

        JsonNode? output = null;
        long written = 0;
        if (config.ResultWriter is not null)
        {
            var writer = new MapRunResultWriter(maps, live.Record, writerParameters, config.WriterFormat, unfinished);
            (output, written) = await writer.WriteAsync(run.Cancellation);
        }
        else if (!failed)
        {
            output = await CollectOutputsAsync(live.Record.Arn);
        }

        var final = live.Update(r => r with
        {
            Status = failed ? MapRunStatus.Failed : MapRunStatus.Succeeded,
            StopDate = run.Execution.Now.UtcDateTime,
            ResultsWritten = written,
        });
        maps.Store.SaveMapRun(final);
        if (failed)
        {
            run.Emit(MapRunEvents.Failed(StatesErrors.ExceedToleratedFailureThreshold, ThresholdCause));
            run.Emit(Events.MapFailed());
            throw new StateFailure(StatesErrors.ExceedToleratedFailureThreshold, ThresholdCause);
        }

        run.Emit(MapRunEvents.Succeeded());
        run.Emit(Events.MapSucceeded());
        return new StateResult(output);
    }

    /// <summary>Without a ResultWriter the state's result is the children's outputs in item order (bounded by the payload limit).</summary>
    private async Task<JsonArray> CollectOutputsAsync(string mapRunArn)
    {
        var outputs = new JsonArray();
        for (var page = await maps.Store.ListChildrenAsync(mapRunArn); page.Count > 0; page = await maps.Store.ListChildrenAsync(mapRunArn, afterIndex: page[^1].Index))
        {
            foreach (var child in page)
            {
                outputs.Add(child.Status == "SUCCEEDED"
                    ? Payloads.Parse(child.Output)
                    : new JsonObject { ["Error"] = child.Error, ["Cause"] = child.Cause });
            }
        }

        return outputs;
    }

    /// <summary>The items after ItemSelector, each with its <c>$$.Map.Item</c>.</summary>
    private async IAsyncEnumerable<JsonNode?> SelectedItemsAsync(JsonNode? input, JsonNode? readerParameters, MapRunSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = 0;
        await foreach (var item in ItemsAsync(input, readerParameters, settings, cancellationToken))
        {
            var mapItem = new MapItem(index++, item);
            yield return state.ItemSelector is null ? JsonData.Detached(item) : state.ItemSelector.Evaluate(run.Scope(input, mapItem));
        }
    }

    private async IAsyncEnumerable<JsonNode?> ItemsAsync(JsonNode? input, JsonNode? readerParameters, MapRunSettings settings, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (config.ItemReader is null)
        {
            foreach (var item in state.InputItems(input, run.Scope(input)))
            {
                yield return item;
            }

            yield break;
        }

        var objects = maps.Objects ?? throw new StateFailure(StatesErrors.ItemReaderFailed, "The local engine has no S3 object store to read items from.");
        long read = 0;
        await foreach (var item in new ItemReader(config.ItemReader, readerParameters, objects).ReadAsync(cancellationToken))
        {
            if (settings.MaxItems is { } max && max > 0 && read >= max)
            {
                yield break;
            }

            read++;
            yield return item;
        }
    }
}
