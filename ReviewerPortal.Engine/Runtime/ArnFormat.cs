using System.Text.RegularExpressions;

namespace ReviewerPortal.Engine.Runtime;

/// <summary>ARNs and names as Step Functions forms and checks them.</summary>
internal sealed partial class ArnFormat(string region, string accountId)
{
    public string StateMachine(string name) => $"arn:aws:states:{region}:{accountId}:stateMachine:{name}";

    public string Execution(string stateMachineName, string name) => $"arn:aws:states:{region}:{accountId}:execution:{stateMachineName}:{name}";

    /// <summary>The state machine ARN of an execution ARN.</summary>
    public static string? StateMachineOf(string executionArn)
    {
        var parts = executionArn.Split(':');
        return parts.Length == 8 && parts[5] == "execution" ? string.Join(':', parts[..5]) + ":stateMachine:" + parts[6] : null;
    }

    /// <summary>"1–80 characters … no whitespace, brackets, wildcards, special characters or control characters."</summary>
    public static bool IsValidName(string? name) => name is { Length: >= 1 and <= 80 } && ValidName().IsMatch(name);

    public static bool LooksLikeArn(string? arn, string resourceType) =>
        arn is not null && arn.StartsWith("arn:aws:states:", StringComparison.Ordinal) && arn.Split(':') is { Length: >= 7 } parts && parts[5] == resourceType;

    [GeneratedRegex(@"^[^\s<>{}\[\]?*""#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]+$")]
    private static partial Regex ValidName();
}
