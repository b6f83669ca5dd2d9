namespace ReviewerPortal.Engine.MapRuns;

/// <summary>How a Distributed Map state finds its Map Run: a new one, the one a replay recorded, or a redriven one.</summary>
internal sealed partial class DistributedMapRun
{
    private async Task<(MapRunRecord Record, Dictionary<int, MapRunChild>? Resumed)> StartOrResumeAsync(MapRunSettings settings, long total)
    {
        var recorded = run.Recorded();
        var recordedArn = recorded?.MapRunStartedEventDetails?.MapRunArn ?? recorded?.MapRunRedrivenEventDetails?.MapRunArn;
        if (recordedArn is not null && await maps.Store.GetMapRunAsync(recordedArn) is { } existing)
        {
            run.Emit(recorded!.MapRunRedrivenEventDetails is { } redrivenEvent
                ? MapRunEvents.Redriven(recordedArn, redrivenEvent.RedriveCount ?? existing.RedriveCount)
                : MapRunEvents.Started(recordedArn));
            return (existing, await ResumedChildrenAsync(recordedArn));
        }

        var machineArn = run.Execution.Identity.StateMachineArn;
        var label = config.Label ?? state.Name;

        // Derived from the state's position: the same Map state of the same execution finds the same Map Run, after a
        // restart and after a redrive (whose replay re-enters the state at the position it failed at).
        var id = MapRunArns.Id($"{run.Execution.Arn}|{run.Frame.Key}|{run.Frame.Sequence}");
        var arn = MapRunArns.MapRun(machineArn, label, id);
        var parentRedrives = run.Execution.Identity.RedriveCount;
        if (parentRedrives > 0 && await maps.Store.GetMapRunAsync(arn) is { } earlier)
        {
            return await RedriveAsync(earlier, parentRedrives);
        }

        var record = new MapRunRecord(arn, run.Execution.Arn, machineArn, state.Name, MapRunArns.ChildStateMachine(machineArn, label), config.ExecutionType, run.Execution.Now.UtcDateTime)
        {
            MaxConcurrency = settings.MaxConcurrency,
            ToleratedFailureCount = settings.ToleratedFailureCount,
            ToleratedFailurePercentage = settings.ToleratedFailurePercentage,
            TotalItems = total,
            ParentRedriveCount = parentRedrives,
        };

        // Saved before the event through the same ordered writer: a recorded MapRunStarted always finds its Map Run.
        maps.Store.SaveMapRun(record);
        run.Emit(MapRunEvents.Started(record.Arn));
        return (record, null);
    }

    /// <summary>
    /// The parent was redriven at this Map state: the Map Run it started before is redriven (its unsuccessful children
    /// marked to run again), unless this same parent redrive did so already and was cut short by a restart before
    /// recording it — then it is resumed as it stands.
    /// </summary>
    private async Task<(MapRunRecord Record, Dictionary<int, MapRunChild>? Resumed)> RedriveAsync(MapRunRecord earlier, int parentRedrives)
    {
        var redriven = earlier.ParentRedriveCount == parentRedrives
            ? earlier
            : await new MapRunRedrive(maps).RedriveAsync(earlier, parentRedrives, run.Execution.Now.UtcDateTime);
        run.Emit(redriven.RedriveCount == 0 ? MapRunEvents.Started(redriven.Arn) : MapRunEvents.Redriven(redriven.Arn, redriven.RedriveCount));
        return (redriven, await ResumedChildrenAsync(redriven.Arn));
    }

    private async Task<Dictionary<int, MapRunChild>> ResumedChildrenAsync(string mapRunArn)
    {
        var resumed = new Dictionary<int, MapRunChild>();
        for (var page = await maps.Store.ListChildrenAsync(mapRunArn); page.Count > 0; page = await maps.Store.ListChildrenAsync(mapRunArn, afterIndex: page[^1].Index))
        {
            foreach (var child in page)
            {
                // Compact: finished children are kept as their status only (the output stays in the store); the others
                // keep their input, to run.
                resumed[child.Index] = MapRunChildStatus.IsFinal(child.Status) ? child with { Input = string.Empty, Output = null, Cause = null } : child;
            }
        }

        return resumed;
    }
}
