using Microsoft.Extensions.Options;

namespace ReviewerPortal.Storage;

/// <summary>Refuses to start Aws mode without a region, a table or a bucket, naming every missing setting at once.</summary>
public sealed class AwsOptionsValidation : IValidateOptions<AwsOptions>
{
    /// <summary>The one plain start-up message naming every missing setting.</summary>
    public static string MissingSettingsMessage(IReadOnlyList<string> missing)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return $"Aws mode cannot start: missing setting{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing)} "
            + "(set them in appsettings.json or as environment variables such as Aws__Region).";
    }

    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var missing = options.MissingRequiredSettings();
        var problems = new List<string>();
        if (missing.Count > 0)
        {
            problems.Add(MissingSettingsMessage(missing));
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            problems.Add("Aws:RequestTimeout must be positive.");
        }

        if (options.ChangeWatchInterval <= TimeSpan.Zero)
        {
            problems.Add("Aws:ChangeWatchInterval must be positive.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
