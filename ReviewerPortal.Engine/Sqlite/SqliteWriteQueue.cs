using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ReviewerPortal.Engine.Sqlite;

/// <summary>
/// The single writer of the engine database. Writes queue up and are committed in batches (group commit), so
/// many concurrent executions share one transaction; <see cref="FlushAsync"/> completes once everything queued
/// before it is committed.
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxBatch = 2000;
    private readonly Channel<WriteItem> queue = Channel.CreateUnbounded<WriteItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection connection;
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);
    private readonly Task writer;

    public SqliteWriteQueue(string connectionString)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Queues a write; <paramref name="sql"/> is prepared once and reused with the given parameter values.</summary>
    public void Enqueue(string sql, params object?[] values) => queue.Writer.TryWrite(new WriteItem(sql, values, null));

    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return queue.Writer.TryWrite(new WriteItem(null, [], done)) ? done.Task : Task.CompletedTask;
    }

    private async Task WriteLoopAsync()
    {
        var flushed = new List<TaskCompletionSource>();
        while (await queue.Reader.WaitToReadAsync())
        {
            using (var transaction = connection.BeginTransaction())
            {
                var count = 0;
                while (count++ < MaxBatch && queue.Reader.TryRead(out var item))
                {
                    if (item.Flushed is not null)
                    {
                        flushed.Add(item.Flushed);
                    }
                    else
                    {
                        Execute(item, transaction);
                    }
                }

                transaction.Commit();
            }

            foreach (var done in flushed)
            {
                done.TrySetResult();
            }

            flushed.Clear();
        }
    }

    private void Execute(WriteItem item, SqliteTransaction transaction)
    {
        if (!commands.TryGetValue(item.Sql!, out var command))
        {
            command = connection.CreateCommand();
#pragma warning disable CA2100 // the SQL is one of this store's constant statements; values are parameters.
            command.CommandText = item.Sql;
#pragma warning restore CA2100
            for (var i = 0; i < item.Values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$" + i, null));
            }

            commands[item.Sql!] = command;
        }

        command.Transaction = transaction;
        for (var i = 0; i < item.Values.Length; i++)
        {
            command.Parameters[i].Value = item.Values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer;
        foreach (var command in commands.Values)
        {
            command.Dispose();
        }

        await connection.DisposeAsync();
    }

    private sealed record WriteItem(string? Sql, object?[] Values, TaskCompletionSource? Flushed);
}
