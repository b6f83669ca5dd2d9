namespace ReviewerPortal.Engine.Parsing;

/// <summary>The fields each state type accepts in JSONPath mode (the specification's per-type field tables).</summary>
internal static class StateFields
{
    private static readonly string[] Common = ["Type", "Comment", "QueryLanguage"];
    private static readonly string[] Flow = ["Next", "End", "InputPath", "OutputPath"];
    private static readonly string[] Results = ["Parameters", "ResultSelector", "ResultPath", "Retry", "Catch"];

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ByType = new Dictionary<string, IReadOnlySet<string>>
    {
        // "Pass, Task, Map, Parallel, Choice and Wait support Assign"; Succeed and Fail do not.
        ["Pass"] = Set(Flow, ["Parameters", "Result", "ResultPath", "Assign"]),
        ["Task"] = Set(Flow, Results, ["Assign","Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"]),
        ["Choice"] = Set(["InputPath", "OutputPath", "Choices", "Default", "Assign"]),
        ["Wait"] = Set(Flow, ["Seconds", "Timestamp", "SecondsPath", "TimestampPath", "Assign"]),
        ["Succeed"] = Set(["InputPath", "OutputPath"]),
        ["Fail"] = Set(["Error", "Cause", "ErrorPath", "CausePath"]),
        ["Parallel"] = Set(Flow, Results, ["Branches", "Assign"]),
        ["Map"] = Set(Flow, Results, ["Assign",
            "ItemsPath", "ItemSelector", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ItemReader",
            "ResultWriter", "ItemBatcher", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
            "ToleratedFailureCount", "ToleratedFailureCountPath", "Label",
        ]),
    };

    private static HashSet<string> Set(params string[][] groups) => [.. Common, .. groups.SelectMany(g => g)];
}
