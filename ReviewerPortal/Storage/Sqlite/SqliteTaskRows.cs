using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.Sqlite;

/// <summary>Maps review tasks to rows of <c>review_tasks</c> and back.</summary>
internal static class SqliteTaskRows
{
    public const string Columns =
        "id, task_token, execution_arn, case_id, study_description, modality, urgency, queue, draft_location, " +
        "created_at, due_at, attempt, status, claimed_by, claimed_by_name, claim_until, decision, version";

    private static readonly JsonSerializerOptions DecisionJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static ReviewTask Read(SqliteDataReader row) => new()
    {
        Id = row.GetString(0),
        TaskToken = row.GetString(1),
        ExecutionArn = row.GetString(2),
        CaseId = row.GetString(3),
        StudyDescription = row.GetString(4),
        Modality = row.GetString(5),
        Urgency = Enum.Parse<Urgency>(row.GetString(6), ignoreCase: true),
        Queue = Enum.Parse<QueueName>(row.GetString(7), ignoreCase: true),
        DraftLocation = row.GetString(8),
        CreatedAt = FromTicks(row.GetInt64(9)),
        DueAt = FromTicks(row.GetInt64(10)),
        Attempt = row.GetInt32(11),
        Status = Enum.Parse<ReviewStatus>(row.GetString(12), ignoreCase: true),
        Claim = row.IsDBNull(13)
            ? null
            : new ClaimLease(row.GetString(13), row.GetString(14), FromTicks(row.GetInt64(15))),
        Decision = row.IsDBNull(16) ? null : JsonSerializer.Deserialize<Decision>(row.GetString(16), DecisionJson),
        Version = row.GetInt64(17),
    };

    /// <summary>Binds every column as <c>$column</c>.</summary>
    public static void Bind(SqliteCommand command, ReviewTask task)
    {
        var p = command.Parameters;
        p.AddWithValue("$id", task.Id);
        p.AddWithValue("$task_token", task.TaskToken);
        p.AddWithValue("$execution_arn", task.ExecutionArn);
        p.AddWithValue("$case_id", task.CaseId);
        p.AddWithValue("$study_description", task.StudyDescription);
        p.AddWithValue("$modality", task.Modality);
        p.AddWithValue("$urgency", Wire(task.Urgency));
        p.AddWithValue("$queue", Wire(task.Queue));
        p.AddWithValue("$open", task.IsOpen ? 1 : 0);
        p.AddWithValue("$draft_location", task.DraftLocation);
        p.AddWithValue("$created_at", task.CreatedAt.UtcTicks);
        p.AddWithValue("$due_at", task.DueAt.UtcTicks);
        p.AddWithValue("$attempt", task.Attempt);
        p.AddWithValue("$status", task.Status.ToString().ToUpperInvariant());
        p.AddWithValue("$claimed_by", (object?)task.Claim?.ReviewerId ?? DBNull.Value);
        p.AddWithValue("$claimed_by_name", (object?)task.Claim?.ReviewerName ?? DBNull.Value);
        p.AddWithValue("$claim_until", (object?)task.Claim?.Until.UtcTicks ?? DBNull.Value);
        p.AddWithValue("$decision", task.Decision is null ? DBNull.Value : JsonSerializer.Serialize(task.Decision, DecisionJson));
        p.AddWithValue("$version", task.Version);
    }

    public static string Wire(QueueName queue) => queue.ToString().ToLowerInvariant();

    public static string Wire(Urgency urgency) => urgency.ToString().ToLowerInvariant();

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

}
