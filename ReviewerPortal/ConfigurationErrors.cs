using Microsoft.Extensions.Options;

namespace ReviewerPortal;

/// <summary>A setting the portal cannot start with; the message names the setting and says what to set.</summary>
public sealed class PortalConfigurationException(string message, Exception? innerException = null)
    : InvalidOperationException(message, innerException);

/// <summary>
/// A configuration error at start-up ends the process with one plain message naming the setting and exit code 1: an
/// operator reading an ECS task's stopped reason or its log needs the setting, not a stack trace.
/// </summary>
public static class ConfigurationErrors
{
    public const int ExitCode = 1;

    /// <summary>Called first in Main: a configuration error that escapes start-up is printed plainly instead of crashing.</summary>
    public static void ExitPlainlyOnConfigurationError() =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is Exception exception && Describe(exception) is { } message)
            {
                Console.Error.WriteLine(message);
                Environment.Exit(ExitCode);
            }
        };

    /// <summary>
    /// Runs the options validation that the host would run as it starts, before it starts: the host logs a failed start
    /// with the exception's stack trace, and a missing setting deserves one line.
    /// </summary>
    public static void ValidateConfiguration(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>The plain message for a configuration error, or null for any other failure.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException options => "Configuration error: " + string.Join(" ", options.Failures),
        PortalConfigurationException portal => "Configuration error: " + portal.Message,
        AggregateException aggregate when aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => Describe(e) is not null) =>
            string.Join(Environment.NewLine, aggregate.InnerExceptions.Select(Describe).Distinct(StringComparer.Ordinal)),
        _ => null,
    };
}
