using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ReviewerPortal.Workflow.Templates;

/// <summary>
/// Replaces <c>${Name}</c> placeholders in a template, as CloudFormation's <c>DefinitionSubstitutions</c> does at deploy
/// time, so the local engine runs exactly the text that is deployed. Values are JSON-string escaped; a placeholder
/// without a value is an error, never left in place.
/// </summary>
public static partial class TemplatePlaceholders
{
    public const string ReviewTasksTable = nameof(ReviewTasksTable);
    public const string DraftBucket = nameof(DraftBucket);
    public const string ReportBucket = nameof(ReportBucket);
    public const string EventBusName = nameof(EventBusName);
    public const string DraftModelId = nameof(DraftModelId);
    public const string DraftGenerationStateMachineArn = nameof(DraftGenerationStateMachineArn);

    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();

    /// <summary>The placeholder names a template uses, in order of first use.</summary>
    public static IReadOnlyList<string> Find(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <exception cref="InvalidOperationException">A placeholder has no value; the message names every missing one.</exception>
    public static string Substitute(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var missing = Find(template).Where(name => !values.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException("No value for the template placeholder(s): " + string.Join(", ", missing));
        }

        return Placeholder().Replace(template, m => EscapeForJsonString(values[m.Groups[1].Value]));
    }

    // Placeholders sit inside JSON strings, so a value is inserted as the inside of a JSON string literal.
    private static string EscapeForJsonString(string value)
    {
        var quoted = JsonSerializer.Serialize(value, TemplateJson.Options);
        return new StringBuilder(quoted, 1, quoted.Length - 2, quoted.Length).ToString();
    }
}
