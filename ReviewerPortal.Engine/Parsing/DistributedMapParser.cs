using System.Text.Json.Nodes;
using ReviewerPortal.Engine.Model;

namespace ReviewerPortal.Engine.Parsing;

/// <summary>Parses the fields only a Distributed Map has: ItemReader, ItemBatcher, ResultWriter, the tolerated failures, Label.</summary>
internal static class DistributedMapParser
{
    private const string GetObject = "arn:aws:states:::s3:getObject";
    private const string ListObjects = "arn:aws:states:::s3:listObjectsV2";
    private const string PutObject = "arn:aws:states:::s3:putObject";

    public static DistributedMapConfig Parse(JsonObject map, JsonObject processor, string location, ParseContext context)
    {
        var config = processor["ProcessorConfig"] as JsonObject;
        var executionType = config is null ? null : context.String(config, "ExecutionType", $"{location}/ItemProcessor/ProcessorConfig");
        if (executionType is not null and not "STANDARD" and not "EXPRESS")
        {
            context.Fail($"{location}/ItemProcessor/ProcessorConfig/ExecutionType", $"'{executionType}' is not an ExecutionType (STANDARD or EXPRESS).");
        }

        return new DistributedMapConfig
        {
            ChildDefinition = ChildDefinition(processor, context),
            ExecutionType = executionType ?? "STANDARD",
            Label = context.String(map, "Label", location),
            ItemReader = map["ItemReader"] is JsonObject reader ? Reader(reader, $"{location}/ItemReader", context) : null,
            ItemBatcher = map["ItemBatcher"] is JsonObject batcher ? Batcher(batcher, $"{location}/ItemBatcher", context) : null,
            ResultWriter = map["ResultWriter"] is JsonObject writer ? Writer(writer, $"{location}/ResultWriter", context) : null,
            ToleratedFailureCount = context.Integer(map, "ToleratedFailureCount", location, min: 0),
            ToleratedFailurePercentage = context.Number(map, "ToleratedFailurePercentage", location, min: 0),
        };
    }

    /// <summary>The processor without its ProcessorConfig, in the query language the Map state is written in.</summary>
    private static string ChildDefinition(JsonObject processor, ParseContext context)
    {
        var child = (JsonObject)processor.DeepClone();
        child.Remove("ProcessorConfig");
        if (context.Jsonata && !child.ContainsKey("QueryLanguage"))
        {
            child["QueryLanguage"] = "JSONata";
        }

        return child.ToJsonString();
    }

    private static ItemReaderConfig? Reader(JsonObject reader, string location, ParseContext context)
    {
        var resource = context.String(reader, "Resource", location, required: true);
        if (resource is not GetObject and not ListObjects)
        {
            context.Fail($"{location}/Resource", $"The ItemReader resource '{resource}' is not supported by the local engine ({GetObject} or {ListObjects}).");
            return null;
        }

        var settings = reader["ReaderConfig"] as JsonObject ?? [];
        // An s3:getObject reader without an InputType reads a JSON array, as the service does.
        var inputType = context.String(settings, "InputType", $"{location}/ReaderConfig") ?? (resource == GetObject ? "JSON" : null);
        if (resource == GetObject && inputType is not ("JSON" or "JSONL" or "CSV" or "MANIFEST"))
        {
            context.Fail($"{location}/ReaderConfig/InputType", $"'{inputType}' is not an s3:getObject ReaderConfig.InputType (JSON, JSONL, CSV or MANIFEST).");
        }

        var headers = settings["CSVHeaders"] is JsonArray names ? names.Select(n => n?.ToString() ?? string.Empty).ToList() : null;
        var headerLocation = context.String(settings, "CSVHeaderLocation", $"{location}/ReaderConfig") ?? (inputType == "CSV" ? "FIRST_ROW" : null);
        if (headerLocation == "GIVEN" && headers is null)
        {
            context.Fail($"{location}/ReaderConfig", "CSVHeaderLocation GIVEN needs CSVHeaders.");
        }

        return new ItemReaderConfig(resource!, TemplateCompiler.Compile(reader, "Parameters", location, context) ?? TemplateCompiler.Compile(reader, "Arguments", location, context))
        {
            InputType = inputType,
            CsvHeaderLocation = headerLocation,
            CsvHeaders = headers,
            MaxItems = context.Integer(settings, "MaxItems", $"{location}/ReaderConfig", min: 0),
            MaxItemsPath = context.Path(context.String(settings, "MaxItemsPath", $"{location}/ReaderConfig"), $"{location}/ReaderConfig/MaxItemsPath", "MaxItemsPath", reference: true),
        };
    }

    private static ItemBatcherConfig Batcher(JsonObject batcher, string location, ParseContext context) => new()
    {
        MaxItemsPerBatch = context.Integer(batcher, "MaxItemsPerBatch", location, min: 1),
        MaxItemsPerBatchPath = context.Path(context.String(batcher, "MaxItemsPerBatchPath", location), $"{location}/MaxItemsPerBatchPath", "MaxItemsPerBatchPath", reference: true),
        MaxInputBytesPerBatch = context.Integer(batcher, "MaxInputBytesPerBatch", location, min: 1),
        MaxInputBytesPerBatchPath = context.Path(context.String(batcher, "MaxInputBytesPerBatchPath", location), $"{location}/MaxInputBytesPerBatchPath", "MaxInputBytesPerBatchPath", reference: true),
        BatchInput = TemplateCompiler.Compile(batcher, "BatchInput", location, context),
    };

    private static PayloadTemplate? Writer(JsonObject writer, string location, ParseContext context)
    {
        if (context.String(writer, "Resource", location, required: true) is { } resource && resource != PutObject)
        {
            context.Fail($"{location}/Resource", $"The ResultWriter resource must be {PutObject}.");
        }

        return TemplateCompiler.Compile(writer, "Parameters", location, context) ?? TemplateCompiler.Compile(writer, "Arguments", location, context);
    }
}
