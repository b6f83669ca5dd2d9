using System.IO.Compression;
using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions.Model;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Engine.MapRuns;

/// <summary>Each ItemReader reads its items from the S3 folder store (<c>{objects}/{bucket}/{key}</c>).</summary>
public sealed class ItemReaderTests : IDisposable
{
    private readonly TempDirectory objects = new("item-reader");

    private static string Reader(string resource, string parameters, string readerConfig = "") =>
        $$"""
        "ItemReader":{"Resource":"{{resource}}","Parameters":{{parameters}}{{(readerConfig.Length > 0 ? ",\"ReaderConfig\":" + readerConfig : string.Empty)}}}
        """;

    [Fact]
    public async Task A_JSON_array_object_is_read_item_by_item()
    {
        Put("in", "studies.json", """[{"study":"s1"},{"study":"s2"}]""");

        var output = await RunAsync(Reader("arn:aws:states:::s3:getObject", """{"Bucket":"in","Key":"studies.json"}""", """{"InputType":"JSON"}"""));

        JsonNode.DeepEquals(output, JsonNode.Parse("""[{"study":"s1"},{"study":"s2"}]""")).Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task JSON_Lines_are_read_one_item_a_line_and_MaxItems_stops_early()
    {
        Put("in", "lines.jsonl", "{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n");

        var output = await RunAsync(Reader("arn:aws:states:::s3:getObject", """{"Bucket":"in","Key":"lines.jsonl"}""", """{"InputType":"JSONL","MaxItems":2}"""));

        JsonNode.DeepEquals(output, JsonNode.Parse("""[{"n":1},{"n":2}]""")).Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task MaxItemsPath_reads_the_limit_from_the_input()
    {
        Put("in", "lines.jsonl", "1\n2\n3\n");

        var output = await RunAsync(
            Reader("arn:aws:states:::s3:getObject", """{"Bucket":"in","Key":"lines.jsonl"}""", """{"InputType":"JSONL","MaxItemsPath":"$.limit"}"""),
            """{"limit":1}""");

        JsonNode.DeepEquals(output, JsonNode.Parse("[1]")).Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task CSV_rows_become_objects_named_by_the_header_row_with_quoted_fields_kept_whole()
    {
        Put("in", "cases.csv", "caseId,note\r\nc-1,\"plain\"\r\nc-2,\"a, b and \"\"c\"\"\nsecond line\"\r\n");

        var output = await RunAsync(Reader("arn:aws:states:::s3:getObject", """{"Bucket":"in","Key":"cases.csv"}""", """{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"}"""));

        JsonNode.DeepEquals(output, JsonNode.Parse("""[{"caseId":"c-1","note":"plain"},{"caseId":"c-2","note":"a, b and \"c\"\nsecond line"}]""")).Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task CSV_with_given_headers_reads_every_row_as_an_item()
    {
        Put("in", "cases.csv", "c-1,CT\nc-2,MR\n");

        var output = await RunAsync(Reader("arn:aws:states:::s3:getObject", """{"Bucket":"in","Key":"cases.csv"}""", """{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["caseId","modality"]}"""));

        JsonNode.DeepEquals(output, JsonNode.Parse("""[{"caseId":"c-1","modality":"CT"},{"caseId":"c-2","modality":"MR"}]""")).Should().BeTrue(output?.ToJsonString());
    }

    [Fact]
    public async Task An_S3_inventory_manifest_yields_the_rows_of_its_gzipped_data_files()
    {
        PutGzip("inventory", "data/part-1.csv.gz", "\"reports\",\"2026/a.md\",\"12\"\n\"reports\",\"2026/b.md\",\"40\"\n");
        PutGzip("inventory", "data/part-2.csv.gz", "\"reports\",\"2026/c.md\",\"7\"\n");
        Put("inventory", "manifest.json", """
            {"sourceBucket":"reports","destinationBucket":"arn:aws:s3:::inventory","fileFormat":"CSV","fileSchema":"Bucket, Key, Size",
             "files":[{"key":"data/part-1.csv.gz","size":60},{"key":"data/part-2.csv.gz","size":30}]}
            """);

        var output = await RunAsync(Reader("arn:aws:states:::s3:getObject", """{"Bucket":"inventory","Key":"manifest.json"}""", """{"InputType":"MANIFEST"}"""));

        output!.AsArray().Select(i => i!["Key"]!.GetValue<string>()).Should().Equal("2026/a.md", "2026/b.md", "2026/c.md");
        JsonNode.DeepEquals(output[1], JsonNode.Parse("""{"Bucket":"reports","Key":"2026/b.md","Size":"40"}""")).Should().BeTrue(output[1]!.ToJsonString());
    }

    [Fact]
    public async Task listObjectsV2_yields_the_objects_under_the_prefix_in_key_order()
    {
        Put("drafts", "2026/b.md", "bb");
        Put("drafts", "2026/a.md", "a");
        Put("drafts", "other/c.md", "c");

        var output = await RunAsync(Reader("arn:aws:states:::s3:listObjectsV2", """{"Bucket":"drafts","Prefix":"2026/"}"""));

        var items = output!.AsArray();
        items.Select(i => i!["Key"]!.GetValue<string>()).Should().Equal("2026/a.md", "2026/b.md");
        items[1]!["Size"]!.GetValue<long>().Should().Be(2);
        items[1]!["Etag"]!.GetValue<string>().Should().Be("\"21ad0bd836b90d08f4cf640b4c298e7c\"", "S3's ETag of a single-part object is the MD5 of its bytes");
    }

    [Fact]
    public async Task A_missing_object_fails_the_state_with_ItemReaderFailed()
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map(Reader("arn:aws:states:::s3:getObject", """{"Bucket":"in","Key":"absent.json"}""", """{"InputType":"JSON"}""")));

        var done = await engine.RunToEndAsync(await engine.StartAsync(machine));

        done.Status.Should().Be(ExecutionStatus.FAILED);
        done.Error.Should().Be("States.ItemReaderFailed");
    }

    private async Task<JsonNode?> RunAsync(string mapFields, string input = "{}")
    {
        await using var engine = EngineHarness.WithObjects(objects.Path);
        var machine = await engine.CreateAsync(DistributedMapDefinitions.Map(mapFields));
        var done = await engine.RunToEndAsync(await engine.StartAsync(machine, input));
        done.Status.Should().Be(ExecutionStatus.SUCCEEDED, done.Cause);
        return EngineHarness.Json(done.Output);
    }

    private void Put(string bucket, string key, string text)
    {
        var path = Path.Combine(objects.Path, bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void PutGzip(string bucket, string key, string text)
    {
        var path = Path.Combine(objects.Path, bucket, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    public void Dispose() => objects.Dispose();
}
