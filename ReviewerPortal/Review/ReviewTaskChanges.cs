using System.Collections.Immutable;

namespace ReviewerPortal.Review;

/// <summary>What happened to a task, published to every open circuit of this process.</summary>
public sealed record ReviewTaskChanged(string TaskId, QueueName Queue, ReviewStatus Status);

/// <summary>
/// In-process fan-out of task changes to live pages. One per process: stores (Local) or the single background
/// watcher (Aws) publish; circuits subscribe. Cost does not grow with open browsers beyond one callback each.
/// </summary>
public sealed class ReviewTaskChanges
{
    private readonly Lock _gate = new();
    private ImmutableArray<Func<ReviewTaskChanged, Task>> _subscribers = [];

    public IDisposable Subscribe(Func<ReviewTaskChanged, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Add(onChange);
        }

        return new Subscription(this, onChange);
    }

    public void Publish(ReviewTaskChanged change)
    {
        foreach (var subscriber in _subscribers)
        {
            // Subscribers are UI circuits; one failing must not stop the others or the writer.
            _ = InvokeSafely(subscriber, change);
        }
    }

    private static async Task InvokeSafely(Func<ReviewTaskChanged, Task> subscriber, ReviewTaskChanged change)
    {
        try
        {
            await subscriber(change).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a broken circuit must not break publishing
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private void Unsubscribe(Func<ReviewTaskChanged, Task> onChange)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Remove(onChange);
        }
    }

    private sealed class Subscription(ReviewTaskChanges owner, Func<ReviewTaskChanged, Task> onChange) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(onChange);
    }
}
