namespace ReviewerPortal.Tests.Infrastructure;

[Trait("Category", "Slow")]
public class TestServersTests
{
    [Fact]
    public async Task Moto_starts_on_loopback_and_answers()
    {
        await using var moto = await TestServers.StartMotoAsync();
        using var http = new HttpClient { BaseAddress = moto.BaseUri };
        var body = await PostAwsJsonAsync(http, "AWSStepFunctions.ListStateMachines");
        body.Should().Contain("stateMachines");
    }

    [Fact]
    public async Task Dynalite_starts_on_loopback_and_speaks_dynamodb()
    {
        await using var dynalite = await TestServers.StartDynaliteAsync();
        using var http = new HttpClient { BaseAddress = dynalite.BaseUri };
        var body = await PostAwsJsonAsync(http, "DynamoDB_20120810.ListTables");
        body.Should().Contain("TableNames");
    }

    [Fact]
    public async Task A_reserved_port_is_never_given_out_again_nor_taken_by_a_port_zero_bind_meanwhile()
    {
        var reserved = Enumerable.Range(0, 40).Select(_ => LoopbackServer.FreePort()).ToList();

        // What Kestrel does for the tests that listen on port 0, many times over, while the ports are still unused.
        var kernelChosen = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            kernelChosen.Add(((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
        }

        reserved.Should().OnlyHaveUniqueItems();
        reserved.Should().NotIntersectWith(kernelChosen);
        // The kernel's own word on where port-0 binds land; the sample above alone would only catch a bad port sometimes.
        var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(int.Parse).ToArray();
        reserved.Should().OnlyContain(port => port < range[0] || port > range[1], "a port-0 bind (Kestrel in another test) could take such a port before its server binds it");
        await using var moto = await TestServers.StartMotoAsync();
        reserved.Should().NotContain(moto.Port, "moto was given a port of its own");
    }

    private static async Task<string> PostAwsJsonAsync(HttpClient http, string target)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.Add("X-Amz-Target", target);
        request.Headers.Add("X-Amz-Date", "20260101T000000Z");
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=00");
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}
