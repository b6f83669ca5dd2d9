using Microsoft.Extensions.Logging;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// Keeps the exception the host logs when it fails to start. WebApplicationFactory's deferred host can lose that
/// exception: the portal disposes itself before the factory asks whether it started, and the factory then reports
/// only an ObjectDisposedException.
/// </summary>
public sealed class StartupFailureLog : ILoggerProvider
{
    private Exception? _failure;

    public Exception? Failure => Volatile.Read(ref _failure);

    public ILogger CreateLogger(string categoryName) =>
        categoryName.StartsWith("Microsoft.Extensions.Hosting", StringComparison.Ordinal) ? new Recorder(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class Recorder(StartupFailureLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error && exception is not null)
            {
                Interlocked.CompareExchange(ref owner._failure, exception, null);
            }
        }
    }
}
