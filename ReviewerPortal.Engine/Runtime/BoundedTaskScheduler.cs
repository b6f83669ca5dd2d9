namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// Runs execution work on at most N threads of its own at once. Executions awaiting a callback or a timer are not
/// queued here at all: only their continuation is, when it becomes ready — so paused executions cost no thread.
/// </summary>
/// <remarks>
/// The workers are dedicated threads, not thread-pool threads: a runaway loop or a burst of Map Run children keeps at
/// most N threads busy and never holds the pool that Kestrel and the Blazor circuits share. On a 2-core host the pool
/// adds threads only about twice a second once it is exhausted, so a few CPU-bound executions on pool threads delayed
/// clinicians' clicks by seconds. A worker that finds nothing to do for <see cref="IdleLifetime"/> ends; the next
/// queued task starts one again.
/// </remarks>
internal sealed class BoundedTaskScheduler : TaskScheduler
{
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(2);

    private readonly LinkedList<Task> queue = new();
    private readonly int maxConcurrency;
    private int workers;

    // Workers waiting for work, and how many of them a QueueTask has already pulsed: a burst of tasks wakes one waiter
    // per task, then starts new workers, instead of pulsing the same waiter again and again.
    private int idleWorkers;
    private int wakeups;

    public BoundedTaskScheduler(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        this.maxConcurrency = maxConcurrency;
    }

    public override int MaximumConcurrencyLevel => maxConcurrency;

    /// <summary>Starts <paramref name="work"/> on this scheduler; its awaits resume here too.</summary>
    public Task Run(Func<Task> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.DenyChildAttach, this).Unwrap();

    protected override void QueueTask(Task task)
    {
        lock (queue)
        {
            queue.AddLast(task);
            if (idleWorkers > wakeups)
            {
                wakeups++;
                Monitor.Pulse(queue);
                return;
            }

            if (workers >= maxConcurrency)
            {
                return;
            }

            workers++;
        }

        new Thread(Work) { IsBackground = true, Name = "asl-engine" }.Start();
    }

    private void Work()
    {
        while (TryTake(out var task))
        {
            TryExecuteTask(task);
        }
    }

    private bool TryTake(out Task task)
    {
        lock (queue)
        {
            while (queue.Count == 0)
            {
                idleWorkers++;
                var woken = Monitor.Wait(queue, IdleLifetime);
                idleWorkers--;
                if (woken)
                {
                    wakeups--;
                }

                // A pulse given while this waiter was timing out reached nobody: forget it.
                wakeups = Math.Clamp(wakeups, 0, idleWorkers);
                if (!woken && queue.Count == 0)
                {
                    workers--;
                    task = null!;
                    return false;
                }
            }

            task = queue.First!.Value;
            queue.RemoveFirst();
            return true;
        }
    }

    // Inline only on our own workers, and never jump the queue from outside it.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (queue)
        {
            return [.. queue];
        }
    }
}
