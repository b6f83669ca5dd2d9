using System.Text;
using ReviewerPortal.Drafts;

namespace ReviewerPortal.Tests.Storage;

/// <summary>
/// What every <see cref="IDraftStore"/> must do (the folder store in Local mode, S3 in Aws mode). A subclass supplies a
/// fresh, empty store per test and a way to put raw bytes (for content the store itself would never write).
/// </summary>
public abstract class DraftStoreContract : IAsyncLifetime
{
    protected IDraftStore Store { get; private set; } = null!;

    /// <summary>The bucket the tests address; the store must accept objects in it.</summary>
    protected virtual string Bucket => "reviewer-portal-drafts";

    protected abstract Task<IDraftStore> CreateStoreAsync();

    /// <summary>Stores <paramref name="bytes"/> exactly as given at <paramref name="location"/>, bypassing the store.</summary>
    protected abstract Task PutBytesAsync(string location, byte[] bytes);

    public virtual async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected string At(string key) => $"s3://{Bucket}/{key}";

    [Fact]
    public async Task Written_text_reads_back_with_the_sha256_of_its_utf8_bytes()
    {
        const string text = "# CT head\n\nNo acute haemorrhage. ± 2 mm, µ-calcification, naïve café.";
        var stored = await Store.WriteTextAsync(At("case-1/draft.md"), text, "text/markdown");

        var read = await Store.ReadTextAsync(At("case-1/draft.md"), 1024 * 1024);

        read.Status.Should().Be(DraftReadStatus.Found);
        read.Text.Should().Be(text);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        read.Sha256.Should().Be(expected);
        stored.Sha256.Should().Be(expected);
        stored.Location.Should().Be(At("case-1/draft.md"));
        read.Size.Should().Be(Encoding.UTF8.GetByteCount(text));
    }

    [Fact]
    public async Task Writing_again_replaces_the_text()
    {
        await Store.WriteTextAsync(At("case-2/report.md"), "first", "text/markdown");
        await Store.WriteTextAsync(At("case-2/report.md"), "second", "text/markdown");

        (await Store.ReadTextAsync(At("case-2/report.md"), 100)).Text.Should().Be("second");
    }

    [Fact]
    public async Task A_missing_object_reads_as_not_found()
    {
        var read = await Store.ReadTextAsync(At("no-such-case/draft.md"), 1024);

        read.Status.Should().Be(DraftReadStatus.NotFound);
        read.Text.Should().BeNull();
    }

    [Fact]
    public async Task An_object_over_the_limit_is_refused_without_its_text()
    {
        await Store.WriteTextAsync(At("big/draft.md"), new string('x', 3000), "text/markdown");

        var read = await Store.ReadTextAsync(At("big/draft.md"), 1000);

        read.Status.Should().Be(DraftReadStatus.TooLarge);
        read.Text.Should().BeNull();
        read.Size.Should().BeGreaterThan(1000);
    }

    [Fact]
    public async Task An_object_exactly_at_the_limit_is_read()
    {
        await Store.WriteTextAsync(At("edge/draft.md"), new string('y', 1000), "text/markdown");

        var read = await Store.ReadTextAsync(At("edge/draft.md"), 1000);

        read.Status.Should().Be(DraftReadStatus.Found);
        read.Text.Should().HaveLength(1000);
    }

    [Fact]
    public async Task A_limit_as_large_as_a_long_reads_normally()
    {
        await Store.WriteTextAsync(At("unbounded/draft.md"), "Impression: normal.", "text/markdown");

        (await Store.ReadTextAsync(At("unbounded/draft.md"), long.MaxValue)).Text.Should().Be("Impression: normal.");
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_reported_as_such()
    {
        // "Befund: Läsion" in Latin-1: the ä is a lone 0xE4, invalid in UTF-8.
        await PutBytesAsync(At("latin1/draft.md"), Encoding.Latin1.GetBytes("Befund: Läsion"));

        var read = await Store.ReadTextAsync(At("latin1/draft.md"), 1024);

        read.Status.Should().Be(DraftReadStatus.NotUtf8);
        read.Text.Should().BeNull();
    }

    [Fact]
    public async Task A_leading_utf8_byte_order_mark_is_not_part_of_the_text()
    {
        await PutBytesAsync(At("bom/draft.md"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Impression: normal.")]);

        var read = await Store.ReadTextAsync(At("bom/draft.md"), 1024);

        read.Text.Should().Be("Impression: normal.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/tmp/draft.md")]
    [InlineData("https://example.org/draft.md")]
    [InlineData("s3://")]
    [InlineData("s3://bucket-only")]
    [InlineData("s3://bucket-only/")]
    [InlineData("s3://UPPER_CASE/draft.md")]
    public async Task A_location_that_is_not_s3_bucket_key_is_invalid(string location)
    {
        var read = await Store.ReadTextAsync(location, 1024);

        read.Status.Should().Be(DraftReadStatus.InvalidLocation);
    }
}
