using ReviewerPortal.Engine.Paths;

namespace ReviewerPortal.Engine.Model;

/// <summary>What a Distributed Map adds to a Map state: where items come from, how they are batched, how child executions run and where results go.</summary>
internal sealed record DistributedMapConfig
{
    /// <summary>The item processor as a state machine definition of its own: each child execution runs it.</summary>
    public required string ChildDefinition { get; init; }

    /// <summary>STANDARD or EXPRESS.</summary>
    public string ExecutionType { get; init; } = "STANDARD";

    public string? Label { get; init; }

    public ItemReaderConfig? ItemReader { get; init; }

    public ItemBatcherConfig? ItemBatcher { get; init; }

    /// <summary>ResultWriter's Parameters (Bucket, Prefix); null when results are not written to S3.</summary>
    public PayloadTemplate? ResultWriter { get; init; }

    /// <summary>ResultWriter's WriterConfig: how the result files are shaped (NONE and JSON when not given).</summary>
    public ResultWriterFormat WriterFormat { get; init; } = ResultWriterFormat.Default;

    public int? ToleratedFailureCount { get; init; }

    public double? ToleratedFailurePercentage { get; init; }
}

/// <summary>ItemReader: <c>s3:getObject</c> (JSON, JSONL, CSV, MANIFEST) or <c>s3:listObjectsV2</c>.</summary>
internal sealed record ItemReaderConfig(string Resource, PayloadTemplate? Parameters)
{
    /// <summary>JSON, JSONL, CSV or MANIFEST; null for listObjectsV2.</summary>
    public string? InputType { get; init; }

    /// <summary>FIRST_ROW or GIVEN.</summary>
    public string? CsvHeaderLocation { get; init; }

    public IReadOnlyList<string>? CsvHeaders { get; init; }

    public int? MaxItems { get; init; }

    public JsonPathExpression? MaxItemsPath { get; init; }
}

/// <summary>ItemBatcher: children receive <c>{"Items": [...], "BatchInput": ...}</c>.</summary>
internal sealed record ItemBatcherConfig
{
    public int? MaxItemsPerBatch { get; init; }

    public JsonPathExpression? MaxItemsPerBatchPath { get; init; }

    public int? MaxInputBytesPerBatch { get; init; }

    public JsonPathExpression? MaxInputBytesPerBatchPath { get; init; }

    public PayloadTemplate? BatchInput { get; init; }
}

/// <summary>
/// ResultWriter's WriterConfig. Transformation NONE writes each execution's full result (metadata and output), COMPACT
/// only the outputs, FLATTEN the outputs with array outputs spread into their elements (a failed execution's result is
/// written whole under either); OutputType JSON writes a JSON array per file, JSONL one result per line.
/// </summary>
internal sealed record ResultWriterFormat(string Transformation, string OutputType)
{
    public static readonly ResultWriterFormat Default = new("NONE", "JSON");
}
