using System.Text.Json.Nodes;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>Distributed Map state machines for the tests: one Map state whose children fail the items marked <c>fail</c>.</summary>
internal static class DistributedMapDefinitions
{
    /// <summary>A child that fails with <c>ItemFailed</c> when its input has <c>"fail": true</c>, and otherwise returns its input.</summary>
    public const string FailMarkedItems = """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Choice","Choices":[{"Variable":"$.fail","IsPresent":true,"Next":"Fail"}],"Default":"Done"},
          "Fail":{"Type":"Fail","Error":"ItemFailed","Cause":"the item was marked to fail"},
          "Done":{"Type":"Pass","End":true}}}
        """;

    /// <summary>A state machine of one Distributed Map with <paramref name="mapFields"/> added to the Map state.</summary>
    public static string Map(string mapFields, string executionType = "EXPRESS", string processor = FailMarkedItems)
    {
        var processorObject = JsonNode.Parse(processor)!.AsObject();
        processorObject["ProcessorConfig"] = new JsonObject { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = executionType };
        var map = JsonNode.Parse("{" + mapFields + "}")!.AsObject();
        map["Type"] = "Map";
        map["ItemProcessor"] = processorObject;
        map["End"] = true;
        return new JsonObject { ["StartAt"] = "Batch", ["States"] = new JsonObject { ["Batch"] = map } }.ToJsonString();
    }
}
