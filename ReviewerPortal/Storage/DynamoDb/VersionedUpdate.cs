using System.Globalization;
using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// One optimistic write of a task's state: SET or REMOVE each attribute a state change touches, only if the item still
/// has the version that was read. Other attributes (anything extra a template wrote) are left as they are.
/// </summary>
internal sealed class VersionedUpdate
{
    private VersionedUpdate(string taskId, string expression, string condition, Dictionary<string, string> names, Dictionary<string, AttributeValue> values)
    {
        Key = ReviewTaskItem.Key(taskId);
        Expression = expression;
        Condition = condition;
        Names = names;
        Values = values;
    }

    public Dictionary<string, AttributeValue> Key { get; }

    public string Expression { get; }

    public string Condition { get; }

    public Dictionary<string, string> Names { get; }

    public Dictionary<string, AttributeValue> Values { get; }

    /// <param name="readVersion">The <c>version</c> attribute as read, or null when the item had none (fresh from the gate).</param>
    /// <param name="requiredHolder">
    /// For a decision: the item must also still be CLAIMED by this reviewer with a lease ending after <c>Now</c>, checked by
    /// DynamoDB in the same conditional write (ISO-8601 UTC timestamps compare as text).
    /// </param>
    public static VersionedUpdate For(ReviewTask next, AttributeValue? readVersion, DateTimeOffset? expiresAt, (string ReviewerId, DateTimeOffset Now)? requiredHolder = null)
    {
        var names = new Dictionary<string, string> { ["#pk"] = ReviewTaskAttributes.PartitionKey, ["#version"] = ReviewTaskAttributes.Version };
        var values = new Dictionary<string, AttributeValue>();
        var sets = new List<string>();
        var removes = new List<string>();
        var index = 0;
        foreach (var (attribute, value) in ReviewTaskItem.MutableAttributes(next, expiresAt))
        {
            var name = attribute == ReviewTaskAttributes.Version ? "#version" : "#a" + index.ToString(CultureInfo.InvariantCulture);
            names[name] = attribute;
            if (value is null)
            {
                removes.Add(name);
            }
            else
            {
                var placeholder = ":a" + index.ToString(CultureInfo.InvariantCulture);
                values[placeholder] = value;
                sets.Add($"{name} = {placeholder}");
            }

            index++;
        }

        var expression = "SET " + string.Join(", ", sets) + (removes.Count > 0 ? " REMOVE " + string.Join(", ", removes) : string.Empty);
        string condition;
        if (readVersion is null)
        {
            condition = "attribute_exists(#pk) AND attribute_not_exists(#version)";
        }
        else
        {
            values[":expected"] = readVersion;
            condition = "attribute_exists(#pk) AND #version = :expected";
        }

        if (requiredHolder is { } holder)
        {
            names["#status"] = ReviewTaskAttributes.Status;
            names["#claimedBy"] = ReviewTaskAttributes.ClaimedBy;
            names["#claimUntil"] = ReviewTaskAttributes.ClaimUntil;
            values[":claimedStatus"] = new AttributeValue { S = "CLAIMED" };
            values[":holder"] = new AttributeValue { S = holder.ReviewerId };
            values[":now"] = new AttributeValue { S = IsoTimestamp.Format(holder.Now) };
            condition += " AND #status = :claimedStatus AND #claimedBy = :holder AND #claimUntil > :now";
        }

        return new VersionedUpdate(next.Id, expression, condition, names, values);
    }

    public UpdateItemRequest ToRequest(string tableName) => new()
    {
        TableName = tableName,
        Key = Key,
        UpdateExpression = Expression,
        ConditionExpression = Condition,
        ExpressionAttributeNames = Names,
        ExpressionAttributeValues = Values,
    };

    public Update ToTransactItem(string tableName) => new()
    {
        TableName = tableName,
        Key = Key,
        UpdateExpression = Expression,
        ConditionExpression = Condition,
        ExpressionAttributeNames = Names,
        ExpressionAttributeValues = Values,
    };
}
