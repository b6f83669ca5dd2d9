using System.Collections.Concurrent;
using System.Security.Cryptography;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Execution;

/// <summary>
/// Issues callback tokens and settles them exactly once. A token is 256 random bits, bound to one task attempt;
/// after it is settled (by a callback, a timeout, or the end of its execution) every further use answers
/// TaskTimedOut, as AWS does. A paused task holds no thread: only this entry and, while waited on, its waiter.
/// </summary>
internal sealed partial class TaskTokens(ITokenStore store, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CallbackToken> open = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string ExecutionArn, string AttemptKey), string> byAttempt = new();

    public int OpenCount => open.Count;

    /// <summary>Restores a token that was open when the engine stopped.</summary>
    public void Restore(CallbackToken token)
    {
        if (open.TryGetValue(token.Token, out var known) && !ReferenceEquals(known, token))
        {
            return;
        }

        open[token.Token] = token;
        byAttempt[(token.ExecutionArn, token.AttemptKey)] = token.Token;
    }

    /// <summary>
    /// The token of one task attempt: the same one again when a replay reaches an attempt still waiting. An attempt
    /// replayed after it ended gets a stand-in that is never valid: its outcome is already in the history.
    /// </summary>
    public Task<string> IssueAsync(ExecutionRun run, string attemptKey, bool replaying)
    {
        var key = (run.Arn, attemptKey);
        if (byAttempt.TryGetValue(key, out var existing))
        {
            run.Tokens.Add(existing);
            return Task.FromResult(existing);
        }

        if (replaying)
        {
            return Task.FromResult("spent:" + attemptKey);
        }

        var token = new CallbackToken(NewToken(), run.Arn, attemptKey, time.GetUtcNow());
        open[token.Token] = token;
        byAttempt[key] = token.Token;
        run.Tokens.Add(token.Token);
        store.SaveToken(token);
        return Task.FromResult(token.Token);
    }

    public async Task SettleAsync(string? token, CallbackOutcome outcome)
    {
        var entry = await FindOpenAsync(token);
        lock (entry)
        {
            if (entry.Outcome is not null || entry.Closed)
            {
                throw Spent();
            }

            entry.Outcome = outcome;
        }

        store.SaveToken(entry);

        // Acknowledge only a durable outcome: a callback the caller was told succeeded must survive a crash.
        await store.FlushAsync();
        entry.Waiter?.TrySetResult(outcome);
        Wake(entry);
    }

    public bool HasOutcome(string token) => open.TryGetValue(token, out var entry) && entry.Outcome is not null;

    /// <summary>
    /// Spends the token and returns the callback SendTaskSuccess/SendTaskFailure acknowledged on it, if any: an
    /// execution stopped before it consumed that outcome must still record it.
    /// </summary>
    public CallbackOutcome? CloseAcknowledged(string token) => CloseAcknowledged(token, out _);

    /// <inheritdoc cref="CloseAcknowledged(string)"/>
    public CallbackOutcome? CloseAcknowledged(string token, out string attemptKey)
    {
        attemptKey = string.Empty;
        if (!open.TryGetValue(token, out var entry))
        {
            return null;
        }

        CallbackOutcome? acknowledged;
        lock (entry)
        {
            acknowledged = entry.Outcome is { Result: CallbackResult.Succeeded or CallbackResult.Failed } outcome ? outcome : null;
            entry.Closed = true;
        }

        attemptKey = entry.AttemptKey;
        Close(entry);
        return acknowledged;
    }

    /// <summary>
    /// Waits for the callback, the task's TimeoutSeconds (from when it was scheduled) or its HeartbeatSeconds (from the
    /// last heartbeat), whichever comes first. The token stays open until the outcome is in the history
    /// (<see cref="ExecutionRun.EmitCallbackOutcome"/> spends it): a stop in between must still find and record it. A
    /// cancellation by an engine shutdown leaves the token valid for the next start.
    /// </summary>
    public Task<CallbackOutcome> WaitAsync(string token, DateTimeOffset scheduledAt, int? timeoutSeconds, int? heartbeatSeconds, CancellationToken cancellation) =>
        WaitForOutcomeAsync(open[token], scheduledAt, timeoutSeconds, heartbeatSeconds, cancellation);

    /// <summary>Spends a token whose outcome the execution has consumed.</summary>
    public void Spend(string token)
    {
        if (open.TryGetValue(token, out var entry))
        {
            Close(entry);
        }
    }

    private async Task<CallbackOutcome> WaitForOutcomeAsync(CallbackToken entry, DateTimeOffset scheduledAt, int? timeoutSeconds, int? heartbeatSeconds, CancellationToken cancellation)
    {
        {
            while (true)
            {
                Task<CallbackOutcome> waiter;
                lock (entry)
                {
                    if (entry.Outcome is not null)
                    {
                        return entry.Outcome;
                    }

                    var now = time.GetUtcNow();
                    var timedOut = timeoutSeconds is { } t && now >= scheduledAt.AddSeconds(t);
                    var heartbeatMissed = heartbeatSeconds is { } h && now >= entry.LastHeartbeat.AddSeconds(h);
                    if (timedOut || heartbeatMissed)
                    {
                        entry.Outcome = new CallbackOutcome(timedOut ? CallbackResult.TimedOut : CallbackResult.HeartbeatTimedOut);
                        return entry.Outcome;
                    }

                    entry.Waiter ??= new TaskCompletionSource<CallbackOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                    waiter = entry.Waiter.Task;
                }

                var deadline = Earliest(timeoutSeconds is { } ts ? scheduledAt.AddSeconds(ts) : null, heartbeatSeconds is { } hs ? entry.LastHeartbeat.AddSeconds(hs) : null);
                if (deadline is null)
                {
                    return await waiter.WaitAsync(cancellation);
                }

                var delay = deadline.Value - time.GetUtcNow();
                if (delay > TimeSpan.Zero)
                {
                    try
                    {
                        return await waiter.WaitAsync(delay, time, cancellation);
                    }
                    catch (TimeoutException)
                    {
                        // Re-check under the lock: a heartbeat may have moved the deadline.
                    }
                }
            }
        }
    }

    private void Close(CallbackToken entry)
    {
        lock (entry)
        {
            entry.Outcome ??= new CallbackOutcome(CallbackResult.TimedOut);
            entry.Closed = true;
            entry.Waiter = null;
            entry.Resume = null;
            entry.DeadlineTimer?.Dispose();
            entry.DeadlineTimer = null;
        }

        // Saved as spent before it leaves the open list: a callback that no longer finds it there reads the store
        // (FindOpenAsync), and a store still saying "open" would let it settle a copy and answer 200 for an outcome
        // the execution never records.
        store.SaveToken(entry);
        open.TryRemove(entry.Token, out _);
        byAttempt.TryRemove((entry.ExecutionArn, entry.AttemptKey), out _);
    }

    /// <summary>Spends the tokens of an execution that ended (stopped, failed or timed out).</summary>
    public void CloseAll(IEnumerable<string> tokens)
    {
        foreach (var token in tokens)
        {
            Spend(token);
        }
    }

    private async Task<CallbackToken> FindOpenAsync(string? token)
    {
        if (!IsWellFormed(token))
        {
            throw new InvalidTokenException("Invalid Token: the task token is malformed.");
        }

        if (open.TryGetValue(token, out var entry))
        {
            return entry;
        }

        // A token of an execution not resumed yet (the engine just restarted) is still valid: take it from the store.
        var stored = await store.FindTokenAsync(token);
        if (stored is { Closed: false })
        {
            return open.GetOrAdd(token, _ => { Restore(stored); return stored; });
        }

        return stored is not null
            ? throw Spent()
            : throw new TaskDoesNotExistException("Task does not exist anymore");
    }

    private static TaskTimedOutException Spent() => new("Task Timed Out: 'Provided task does not exist anymore'");

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    // The fixed "AQ" lead (as AWS's own tokens have) keeps a token from starting with '-', which the AWS CLI would
    // read as an option: `aws stepfunctions send-task-success --task-token -x…` failed for one token in 64.
    private const string TokenLead = "AQ";
    private const int RandomPartLength = 43;

    private static string NewToken() => TokenLead + Base64Url(RandomNumberGenerator.GetBytes(32));

    // Tokens issued before the lead existed stay valid: executions paused on them survive an upgrade.
    private static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? token) =>
        token is not null
        && (token.Length == RandomPartLength
            ? IsBase64Url(token)
            : token.Length == TokenLead.Length + RandomPartLength && token.StartsWith(TokenLead, StringComparison.Ordinal) && IsBase64Url(token[TokenLead.Length..]));

    private static bool IsBase64Url(string text) => text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
