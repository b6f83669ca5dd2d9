namespace ReviewerPortal.Engine.Runtime;

/// <summary>
/// Runs execution work on at most N thread-pool threads at once. Executions awaiting a callback or a timer are not
/// queued here at all: only their continuation is, when it becomes ready — so paused executions cost no thread.
/// </summary>
internal sealed class BoundedTaskScheduler : TaskScheduler
{
    private readonly LinkedList<Task> queue = new();
    private readonly int maxConcurrency;
    private int running;

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
            if (running >= maxConcurrency)
            {
                return;
            }

            running++;
        }

        ThreadPool.UnsafeQueueUserWorkItem(_ => Drain(), null);
    }

    private void Drain()
    {
        while (true)
        {
            Task task;
            lock (queue)
            {
                if (queue.Count == 0)
                {
                    running--;
                    return;
                }

                task = queue.First!.Value;
                queue.RemoveFirst();
            }

            TryExecuteTask(task);
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
