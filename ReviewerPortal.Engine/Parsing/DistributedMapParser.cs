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

        if (executionType == "EXPRESS")
        {
            RefuseCallbacks(processor, $"{location}/ItemProcessor", context);
        }

        return new DistributedMapConfig
        {
            ChildDefinition = ChildDefinition(processor, context),
            ExecutionType = executionType ?? "STANDARD",
            Label = context.String(map, "Label", location),
            ItemReader = map["ItemReader"] is JsonObject reader ? Reader(reader, $"{location}/ItemReader", context) : null,
            ItemBatcher = map["ItemBatcher"] is JsonObject batcher ? Batcher(batcher, $"{location}/ItemBatcher", context) : null,
            ResultWriter = map["ResultWriter"] is JsonObject writer ? Writer(writer, $"{location}/ResultWriter", context) : null,
            WriterFormat = map["ResultWriter"]?["WriterConfig"] is JsonObject format ? WriterFormat(format, $"{location}/ResultWriter/WriterConfig", context) : ResultWriterFormat.Default,
            ToleratedFailureCount = context.Integer(map, "ToleratedFailureCount", location, min: 0),
            ToleratedFailurePercentage = context.Number(map, "ToleratedFailurePercentage", location, min: 0),
        };
    }

    /// <summary>
    /// Express children cannot wait for a callback: a Task with <c>.waitForTaskToken</c> anywhere in the processor
    /// (nested Parallel branches and Map processors included) is refused when the state machine is created, as AWS does.
    /// </summary>
    private static void RefuseCallbacks(JsonObject graph, string location, ParseContext context)
    {
        if (graph["States"] is not JsonObject states)
        {
            return;
        }

        foreach (var (name, node) in states)
        {
            if (node is not JsonObject state)
            {
                continue;
            }

            var here = $"{location}/States/{name}";
            if (state["Resource"] is JsonValue resource && resource.ToString().EndsWith(".waitForTaskToken", StringComparison.Ordinal))
            {
                context.Fail($"{here}/Resource", "Express state machine does not support '.waitForTaskToken' service integration");
            }

            var branches = state["Branches"] as JsonArray ?? [];
            for (var i = 0; i < branches.Count; i++)
            {
                if (branches[i] is JsonObject branch)
                {
                    RefuseCallbacks(branch, $"{here}/Branches[{i}]", context);
                }
            }

            foreach (var field in new[] { "ItemProcessor", "Iterator" })
            {
                if (state[field] is JsonObject inner)
                {
                    RefuseCallbacks(inner, $"{here}/{field}", context);
                }
            }
        }
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

    private static ResultWriterFormat WriterFormat(JsonObject format, string location, ParseContext context)
    {
        var transformation = context.String(format, "Transformation", location) ?? ResultWriterFormat.Default.Transformation;
        var outputType = context.String(format, "OutputType", location) ?? ResultWriterFormat.Default.OutputType;
        if (transformation is not ("NONE" or "COMPACT" or "FLATTEN"))
        {
            context.Fail($"{location}/Transformation", $"'{transformation}' is not a WriterConfig Transformation (NONE, COMPACT or FLATTEN).");
        }

        if (outputType is not ("JSON" or "JSONL"))
        {
            context.Fail($"{location}/OutputType", $"'{outputType}' is not a WriterConfig OutputType (JSON or JSONL).");
        }

        return new ResultWriterFormat(transformation, outputType);
    }

    private static PayloadTemplate? Writer(JsonObject writer, string location, ParseContext context)
    {
        if (writer["Resource"] is null && writer["WriterConfig"] is not null)
        {
            // A WriterConfig alone shapes the state's output without writing to S3: not run by the local engine.
            context.Fail(location, "A ResultWriter with WriterConfig but no Resource (results in the state output) is not supported by the local engine; add Resource and Parameters to write them to S3.");
            return null;
        }

        if (context.String(writer, "Resource", location, required: true) is { } resource && resource != PutObject)
        {
            context.Fail($"{location}/Resource", $"The ResultWriter resource must be {PutObject}.");
        }

        return TemplateCompiler.Compile(writer, "Parameters", location, context) ?? TemplateCompiler.Compile(writer, "Arguments", location, context);
    }
}
