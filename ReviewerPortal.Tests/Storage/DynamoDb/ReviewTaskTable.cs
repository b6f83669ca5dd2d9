using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ReviewerPortal.Review;
using ReviewerPortal.Storage;
using ReviewerPortal.Storage.DynamoDb;

namespace ReviewerPortal.Tests.Storage.DynamoDb;

/// <summary>
/// A fresh review-tasks table on a local DynamoDB (moto or dynalite), laid out as deploy/ declares it: keys, the sparse
/// open-by-queue index projecting everything, the sparse open-by-arrival index, and TTL on <c>expiresAt</c> where the server supports it.
/// </summary>
public sealed class ReviewTaskTable
{
    private ReviewTaskTable(IAmazonDynamoDB client, AwsOptions options)
    {
        Client = client;
        Options = options;
    }

    public IAmazonDynamoDB Client { get; }

    public AwsOptions Options { get; }

    public string Name => Options.TableName!;

    public static IAmazonDynamoDB ClientFor(Uri serviceUrl, AwsOptions? options = null) =>
        new AmazonDynamoDBClient(
            new BasicAWSCredentials("testing", "testing"),
            AwsClientConfigs.DynamoDb(options ?? new AwsOptions { Region = "us-east-1", ServiceUrls = { DynamoDb = serviceUrl } }));

    /// <summary>A table created some other way (a CloudFormation stack).</summary>
    public static ReviewTaskTable Existing(Uri serviceUrl, string tableName)
    {
        var options = new AwsOptions { Region = "us-east-1", TableName = tableName, DraftBucket = "unused", ServiceUrls = { DynamoDb = serviceUrl } };
        return new ReviewTaskTable(ClientFor(serviceUrl, options), options);
    }

    public static async Task<ReviewTaskTable> CreateAsync(Uri serviceUrl, bool enableTtl)
    {
        var options = new AwsOptions
        {
            Region = "us-east-1",
            TableName = "review-tasks-" + Guid.NewGuid().ToString("N")[..8],
            DraftBucket = "unused",
            ServiceUrls = { DynamoDb = serviceUrl },
        };
        var client = ClientFor(serviceUrl, options);
        await ReviewTaskTableDefinition.CreateAsync(client, options.TableName!, enableTtl);
        return new ReviewTaskTable(client, options);
    }

    public DynamoDbTaskStore Store(TimeProvider time, MalformedTaskItems? malformed = null, ReviewTaskChanges? changes = null) =>
        new(Client, Microsoft.Extensions.Options.Options.Create(Options), time, malformed ?? Malformed(time), changes ?? new ReviewTaskChanges());

    /// <summary>The audit trail in this table, as Aws mode wires it beside the task store.</summary>
    public DynamoDbAuditTrail AuditTrail() => new(Client, Microsoft.Extensions.Options.Options.Create(Options));

    public static MalformedTaskItems Malformed(TimeProvider time) => new(time, NullLogger<MalformedTaskItems>.Instance);

    public Task PutRawAsync(Dictionary<string, AttributeValue> item) =>
        Client.PutItemAsync(new PutItemRequest { TableName = Name, Item = item });
}
