using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ReviewerPortal.Tests.Identity;

/// <summary>Every log line the application writes, formatted as a sink would write it (message and exception).</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public string All => string.Join('\n', _lines);

    /// <summary>The portal's "Sign-in rejected: …" lines, to say why a sign-in a test expected did not happen.</summary>
    public string Rejections => string.Join('\n', _lines.Where(line => line.Contains("Sign-in rejected", StringComparison.Ordinal)));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
    }
}
