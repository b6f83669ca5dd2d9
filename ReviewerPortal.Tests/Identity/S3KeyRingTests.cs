using System.Net;
using Amazon.S3.Model;
using ReviewerPortal.Identity;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Storage.DynamoDb;
using ReviewerPortal.Tests.Storage.S3;

namespace ReviewerPortal.Tests.Identity;

[Trait("Category", "Slow")]
public class S3KeyRingTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Two_portal_instances_sharing_a_key_ring_in_S3_accept_each_others_session_cookies()
    {
        var table = await ReviewTaskTable.CreateAsync(moto.Url, enableTtl: true);
        var bucket = await DraftBucket.CreateAsync(moto.Url);
        var settings = AwsModeSettings.For(moto.Url, table.Name, bucket.Name);
        settings["Identity:KeyRing"] = $"s3://{bucket.Name}/portal-keys/";
        await using var first = new IdentityTestApp(settings: settings);
        await using var second = new IdentityTestApp(settings: settings);
        using var firstClient = first.CreateRawClient();
        using var secondClient = second.CreateRawClient();

        var session = await PersonaSignIn.SignInAsync(firstClient, "persona-clinician");
        using var onSecond = await session.SendAsync(secondClient, HttpMethod.Get, "/");

        onSecond.StatusCode.Should().Be(HttpStatusCode.OK, "the second instance decrypts the first one's cookie");
        var keys = await bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Name, Prefix = "portal-keys/" });
        keys.S3Objects.Should().ContainSingle().Which.Key.Should().MatchRegex("^portal-keys/key-[0-9a-f-]+\\.xml$");
    }

    [Fact]
    public async Task Instances_with_their_own_key_rings_do_not_accept_each_others_cookies_which_is_why_several_need_one_in_S3()
    {
        await using var first = new IdentityTestApp();
        await using var second = new IdentityTestApp();
        using var firstClient = first.CreateRawClient();
        using var secondClient = second.CreateRawClient();
        var session = await PersonaSignIn.SignInAsync(firstClient, "persona-clinician");

        using var onSecond = await session.SendAsync(secondClient, HttpMethod.Get, "/");

        onSecond.StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("s3://bucket")]
    [InlineData("s3://bucket/keys")]
    [InlineData("https://bucket/keys/")]
    public void A_key_ring_location_that_is_not_an_S3_folder_is_refused(string value)
    {
        var parse = () => S3KeyRing.ParseLocation(value);

        parse.Should().Throw<InvalidOperationException>().WithMessage("Identity:KeyRing must look like s3://bucket/portal-keys/*");
    }
}
