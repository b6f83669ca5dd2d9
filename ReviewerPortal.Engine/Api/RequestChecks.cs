using System.Globalization;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Engine.Api;

/// <summary>
/// The service's field constraints, checked before anything else and answered as AWS answers them: one
/// ValidationException listing every violation ("2 validation errors detected: Value null at 'roleArn' failed to
/// satisfy constraint: Member must not be null; …").
/// </summary>
internal sealed class RequestChecks
{
    /// <summary>"Maximum size of a state machine definition: 1 MB" (a hard quota), counted in UTF-8 bytes.</summary>
    public const int MaxDefinitionBytes = 1024 * 1024;

    private static readonly string[] MachineTypes = ["STANDARD", "EXPRESS"];
    private static readonly string[] ExecutionStatuses = ["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE"];
    private readonly List<string> violations = [];

    public RequestChecks Required(string field, object? value)
    {
        if (value is null)
        {
            violations.Add($"Value null at '{field}' failed to satisfy constraint: Member must not be null");
        }

        return this;
    }

    public RequestChecks OneOf(string field, string? value, string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            violations.Add($"Value '{value}' at '{field}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }

        return this;
    }

    public RequestChecks MachineType(string? value) => OneOf("type", value, MachineTypes);

    public RequestChecks StatusFilter(string? value) => OneOf("statusFilter", value, ExecutionStatuses);

    /// <summary>maxResults: "Valid Range: Minimum value of 0. Maximum value of 1000."</summary>
    public RequestChecks MaxResults(int? value)
    {
        if (value is < 0 or > 1000)
        {
            var bound = value < 0 ? "greater than or equal to 0" : "less than or equal to 1000";
            violations.Add($"Value '{value.Value.ToString(CultureInfo.InvariantCulture)}' at 'maxResults' failed to satisfy constraint: Member must have value {bound}");
        }

        return this;
    }

    public RequestChecks Definition(string? value)
    {
        if (value is not null && value.Length > MaxDefinitionBytes / 4 && System.Text.Encoding.UTF8.GetByteCount(value) > MaxDefinitionBytes)
        {
            violations.Add($"Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to {MaxDefinitionBytes}");
        }

        return this;
    }

    public void ThrowIfAny()
    {
        if (violations.Count > 0)
        {
            var count = violations.Count == 1 ? "1 validation error" : $"{violations.Count} validation errors";
            throw new ValidationException($"{count} detected: {string.Join("; ", violations)}");
        }
    }
}
