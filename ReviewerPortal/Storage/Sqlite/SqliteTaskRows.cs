using System.Diagnostics.CodeAnalysis;
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
        "created_at, due_at, attempt, status, claimed_by, claimed_by_name, claim_until, decision, version, " +
        "first_arrived_at";

    private static readonly JsonSerializerOptions DecisionJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Reads a row, or names every fault of a row the portal cannot trust (an unknown urgency, an empty token, a time out
    /// of range…) as one sentence each, never quoting a value: values may be PHI, and the token is a secret.
    /// </summary>
    public static bool TryRead(SqliteDataReader row, [NotNullWhen(true)] out ReviewTask? task, out IReadOnlyList<string> problems)
    {
        var fields = new RowFields(row);
        var candidate = new ReviewTask
        {
            Id = row.GetString(0),
            TaskToken = fields.Text(1, "task_token"),
            ExecutionArn = fields.Text(2, "execution_arn"),
            CaseId = fields.Text(3, "case_id"),
            StudyDescription = row.GetString(4),
            Modality = row.GetString(5),
            Urgency = fields.Choice<Urgency>(6, "urgency"),
            Queue = fields.Choice<QueueName>(7, "queue"),
            DraftLocation = fields.Text(8, "draft_location"),
            CreatedAt = fields.Time(9, "created_at"),
            DueAt = fields.Time(10, "due_at"),
            Attempt = row.GetInt32(11),
            Status = fields.Choice<ReviewStatus>(12, "status"),
            Claim = row.IsDBNull(13) ? null : new ClaimLease(row.GetString(13), fields.Text(14, "claimed_by_name"), fields.Time(15, "claim_until")),
            Decision = fields.Json<Decision>(16, "decision", DecisionJson),
            Version = row.GetInt64(17),
            FirstArrivedAt = row.IsDBNull(18) ? null : fields.Time(18, "first_arrived_at"),
        };
        problems = fields.Problems;
        task = problems.Count == 0 ? candidate : null;
        return task is not null;
    }

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
        p.AddWithValue("$first_arrived_at", (object?)task.FirstArrivedAt?.UtcTicks ?? DBNull.Value);
    }

    public static string Wire(QueueName queue) => queue.ToString().ToLowerInvariant();

    public static string Wire(Urgency urgency) => urgency.ToString().ToLowerInvariant();

    public static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

}
