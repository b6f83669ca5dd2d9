using ReviewerPortal.Drafts;
using ReviewerPortal.Storage.Files;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Storage.Files;

public sealed class FolderDraftStoreTests : DraftStoreContract
{
    private readonly TempDirectory _root = new();

    protected override Task<IDraftStore> CreateStoreAsync() => Task.FromResult<IDraftStore>(new FolderDraftStore(_root.Path));

    protected override async Task PutBytesAsync(string location, byte[] bytes)
    {
        var parsed = ObjectLocation.Parse(location);
        var path = Path.Combine(_root.Path, parsed.Bucket, parsed.Key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
    }

    public override Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("s3://reviewer-portal-drafts/../secret.txt")]
    [InlineData("s3://reviewer-portal-drafts/a/../../secret.txt")]
    [InlineData("s3://reviewer-portal-drafts/a//b.md")]
    [InlineData("s3://reviewer-portal-drafts/a\\..\\..\\secret.txt")]
    [InlineData("s3://../secret.txt")]
    public async Task A_key_that_would_leave_the_folder_is_refused(string location)
    {
        await File.WriteAllTextAsync(Path.Combine(_root.Path, "secret.txt"), "not a draft");

        var read = await Store.ReadTextAsync(location, 1024);

        read.Status.Should().Be(DraftReadStatus.InvalidLocation);
    }

    [Fact]
    public async Task Objects_land_in_the_bucket_folder_under_the_root()
    {
        await Store.WriteTextAsync("s3://reviewer-portal-reports/case-9/final.md", "Final.", "text/markdown");

        File.ReadAllText(Path.Combine(_root.Path, "reviewer-portal-reports", "case-9", "final.md")).Should().Be("Final.");
    }
}
