using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using ReviewerPortal.Drafts;
using ReviewerPortal.Storage.S3;
using ReviewerPortal.Tests.Storage.DynamoDb;

namespace ReviewerPortal.Tests.Storage.S3;

/// <summary>The draft store contract against moto's S3, plus what only S3 does: encryption, checksums, versions, content headers.</summary>
[Trait("Category", "Slow")]
public sealed class S3DraftStoreTests(MotoServer moto) : DraftStoreContract, IClassFixture<MotoServer>
{
    private DraftBucket _bucket = null!;

    protected override string Bucket => _bucket.Name;

    protected override async Task<IDraftStore> CreateStoreAsync()
    {
        _bucket = await DraftBucket.CreateAsync(moto.Url);
        return _bucket.Store;
    }

    protected override Task PutBytesAsync(string location, byte[] bytes) =>
        _bucket.PutRawAsync(ObjectLocation.Parse(location).Key, bytes);

    [Fact]
    public async Task A_final_report_is_written_with_server_side_encryption_and_its_sha256_as_metadata()
    {
        var stored = await Store.WriteTextAsync(At("reports/case-9/final.md"), "Impression: normal.", "text/markdown");

        var head = await _bucket.Client.GetObjectMetadataAsync(_bucket.Name, "reports/case-9/final.md");

        head.ServerSideEncryptionMethod.Should().Be(ServerSideEncryptionMethod.AES256);
        head.Metadata[S3DraftStore.Sha256MetadataKey].Should().Be(stored.Sha256);
        head.Headers.ContentType.Should().Be("text/markdown; charset=utf-8");
    }

    [Fact]
    public async Task In_a_versioned_bucket_every_write_keeps_its_own_version()
    {
        var bucket = await DraftBucket.CreateAsync(moto.Url, versioned: true);
        var location = $"s3://{bucket.Name}/reports/case-3/final.md";

        var first = await bucket.Store.WriteTextAsync(location, "first", "text/markdown");
        var second = await bucket.Store.WriteTextAsync(location, "second", "text/markdown");

        first.VersionId.Should().NotBeNullOrEmpty();
        second.VersionId.Should().NotBe(first.VersionId);
        using var old = await bucket.Client.GetObjectAsync(new GetObjectRequest { BucketName = bucket.Name, Key = "reports/case-3/final.md", VersionId = first.VersionId });
        using var reader = new StreamReader(old.ResponseStream, Encoding.UTF8);
        (await reader.ReadToEndAsync()).Should().Be("first", "an approved report is never lost by a later write");
        var read = await bucket.Store.ReadTextAsync(location, 100);
        read.Text.Should().Be("second");
        read.VersionId.Should().Be(second.VersionId, "a read names the version it read");
    }

    [Fact]
    public async Task In_an_unversioned_bucket_a_read_names_no_version()
    {
        await Store.WriteTextAsync(At("plain/draft.md"), "text", "text/markdown");

        (await Store.ReadTextAsync(At("plain/draft.md"), 100)).VersionId.Should().BeNull();
    }

    [Theory]
    [InlineData("application/pdf", null)]
    [InlineData("image/png", null)]
    [InlineData("text/markdown; charset=iso-8859-1", null)]
    [InlineData("text/markdown", "gzip")]
    public async Task A_draft_whose_headers_say_it_is_not_utf8_text_is_refused_before_reading(string contentType, string? contentEncoding)
    {
        await _bucket.PutRawAsync("odd/draft.md", Encoding.UTF8.GetBytes("Impression: normal."), contentType, contentEncoding);

        var read = await Store.ReadTextAsync(At("odd/draft.md"), 1024);

        read.Status.Should().Be(DraftReadStatus.NotUtf8);
        read.Text.Should().BeNull();
    }

    [Theory]
    [InlineData("text/markdown; charset=utf-8")]
    [InlineData("text/plain")]
    [InlineData("binary/octet-stream")]
    public async Task A_utf8_draft_with_a_text_or_untyped_content_type_is_read(string contentType)
    {
        await _bucket.PutRawAsync("typed/draft.md", Encoding.UTF8.GetBytes("Befund: Läsion"), contentType);

        var read = await Store.ReadTextAsync(At("typed/draft.md"), 1024);

        read.Text.Should().Be("Befund: Läsion");
    }

    [Fact]
    public async Task A_draft_in_a_bucket_that_does_not_exist_reads_as_not_found()
    {
        var read = await Store.ReadTextAsync("s3://no-such-bucket-here/draft.md", 1024);

        read.Status.Should().Be(DraftReadStatus.NotFound);
    }
}
