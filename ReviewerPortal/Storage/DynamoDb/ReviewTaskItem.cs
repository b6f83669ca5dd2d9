using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;

namespace ReviewerPortal.Storage.DynamoDb;

/// <summary>
/// Maps a <see cref="ReviewTask"/> to and from the review-task item of <see cref="ReviewTaskAttributes"/>: the item
/// the review gate's putItem writes, so the DynamoDB store and the local engine's DynamoDB handler share one reading.
/// </summary>
/// <remarks>
/// Reading is strict where a wrong value would mislead a clinician (token, urgency, queue, timestamps) and lenient
/// where the gate may leave a field out: no <c>status</c> means PENDING, no <c>version</c> means 0, no
/// <c>attempt</c> means 1, no <c>taskId</c> means the id in the partition key.
/// </remarks>
public static class ReviewTaskItem
{
    private const string UrgencyValues = "urgent, routine";
    private const string QueueValues = "urgent, routine, escalation";
    private const string StatusValues = "PENDING, CLAIMED, DECIDING, DECIDED, EXPIRED";
    private const string OutcomeValues = "approved, rejected";

    /// <summary>The table key of a task: <c>pk = TASK#{id}</c>, <c>sk = TASK</c>.</summary>
    public static Dictionary<string, AttributeValue> Key(string taskId) => new()
    {
        [ReviewTaskAttributes.PartitionKey] = new AttributeValue { S = ReviewTaskAttributes.TaskPartitionPrefix + taskId },
        [ReviewTaskAttributes.SortKey] = new AttributeValue { S = ReviewTaskAttributes.TaskSortKey },
    };

    /// <summary>The whole item for <paramref name="task"/>; <paramref name="expiresAt"/> is the TTL of a closed task.</summary>
    public static Dictionary<string, AttributeValue> ToItem(ReviewTask task, DateTimeOffset? expiresAt = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        var item = Key(task.Id);
        item[ReviewTaskAttributes.TaskId] = S(task.Id);
        item[ReviewTaskAttributes.TaskToken] = S(task.TaskToken);
        item[ReviewTaskAttributes.ExecutionArn] = S(task.ExecutionArn);
        item[ReviewTaskAttributes.CaseId] = S(task.CaseId);
        item[ReviewTaskAttributes.StudyDescription] = S(task.StudyDescription);
        item[ReviewTaskAttributes.Modality] = S(task.Modality);
        item[ReviewTaskAttributes.Urgency] = S(WireValues.Of(task.Urgency));
        item[ReviewTaskAttributes.Queue] = S(WireValues.Of(task.Queue));
        item[ReviewTaskAttributes.DraftUri] = S(task.DraftLocation);
        item[ReviewTaskAttributes.CreatedAt] = S(IsoTimestamp.Format(task.CreatedAt));
        if (task.FirstArrivedAt is { } firstArrived)
        {
            item[ReviewTaskAttributes.FirstArrivedAt] = S(IsoTimestamp.Format(firstArrived));
        }

        item[ReviewTaskAttributes.DueAt] = S(IsoTimestamp.Format(task.DueAt));
        item[ReviewTaskAttributes.Attempt] = N(task.Attempt);
        foreach (var (name, value) in MutableAttributes(task, expiresAt))
        {
            if (value is not null)
            {
                item[name] = value;
            }
        }

        return item;
    }

    /// <summary>
    /// The attributes a state change rewrites, each with its new value or null when it must be removed (the index key
    /// <c>openQueue</c> disappears when a task leaves the queue; the claim when it is released).
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, AttributeValue?>> MutableAttributes(ReviewTask task, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(task);
        return
        [
            new(ReviewTaskAttributes.Status, S(WireValues.Of(task.Status))),
            new(ReviewTaskAttributes.Version, N(task.Version)),
            new(ReviewTaskAttributes.OpenQueue, OpenQueueOf(task) is { } openQueue ? S(openQueue) : null),
            new(ReviewTaskAttributes.ClaimedBy, task.Claim is { } c1 ? S(c1.ReviewerId) : null),
            new(ReviewTaskAttributes.ClaimedByName, task.Claim is { } c2 ? S(c2.ReviewerName) : null),
            new(ReviewTaskAttributes.ClaimUntil, task.Claim is { } c3 ? S(IsoTimestamp.Format(c3.Until)) : null),
            new(ReviewTaskAttributes.Decision, task.Decision is { } d ? new AttributeValue { M = DecisionToMap(d) } : null),
            new(ReviewTaskAttributes.ExpiresAt, expiresAt is { } e ? N(e.ToUnixTimeSeconds()) : null),
        ];
    }

    /// <summary>
    /// The index partition a task sits in: its queue while open, <see cref="ReviewTaskAttributes.DecidingQueue"/> while its decision is
    /// on the way to Step Functions (so the reconciler finds it without a Scan), and none once closed.
    /// </summary>
    public static string? OpenQueueOf(ReviewTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status switch
        {
            ReviewStatus.Pending or ReviewStatus.Claimed => WireValues.Of(task.Queue),
            ReviewStatus.Deciding => ReviewTaskAttributes.DecidingQueue,
            _ => null,
        };
    }

    /// <summary>Reads an item; throws <see cref="MalformedTaskItemException"/> naming every fault.</summary>
    public static ReviewTask FromItem(IReadOnlyDictionary<string, AttributeValue> item) =>
        TryFromItem(item, out var task, out var error) ? task : throw error;

    public static bool TryFromItem(
        IReadOnlyDictionary<string, AttributeValue> item,
        [NotNullWhen(true)] out ReviewTask? task,
        [NotNullWhen(false)] out MalformedTaskItemException? error)
    {
        ArgumentNullException.ThrowIfNull(item);
        var fields = new ItemFields(item);
        var id = ReadId(fields);
        var status = fields.Has(ReviewTaskAttributes.Status)
            ? fields.RequiredEnum<ReviewStatus>(ReviewTaskAttributes.Status, WireValues.TryParseStatus, StatusValues)
            : ReviewStatus.Pending;
        var candidate = new ReviewTask
        {
            Id = id ?? string.Empty,
            TaskToken = fields.RequiredString(ReviewTaskAttributes.TaskToken),
            ExecutionArn = fields.RequiredString(ReviewTaskAttributes.ExecutionArn),
            CaseId = fields.RequiredString(ReviewTaskAttributes.CaseId),
            StudyDescription = fields.OptionalString(ReviewTaskAttributes.StudyDescription) ?? string.Empty,
            Modality = fields.OptionalString(ReviewTaskAttributes.Modality) ?? string.Empty,
            Urgency = fields.RequiredEnum<Urgency>(ReviewTaskAttributes.Urgency, WireValues.TryParseUrgency, UrgencyValues),
            Queue = fields.RequiredEnum<QueueName>(ReviewTaskAttributes.Queue, WireValues.TryParseQueue, QueueValues),
            DraftLocation = fields.RequiredString(ReviewTaskAttributes.DraftUri),
            CreatedAt = fields.RequiredTimestamp(ReviewTaskAttributes.CreatedAt),
            FirstArrivedAt = fields.OptionalTimestamp(ReviewTaskAttributes.FirstArrivedAt),
            DueAt = ReadDueAt(fields),
            Attempt = (int)Math.Clamp(fields.OptionalNumber(ReviewTaskAttributes.Attempt) ?? 1, 1, int.MaxValue),
            Status = status,
            Claim = ReadClaim(fields),
            Decision = ReadDecision(fields),
            Version = fields.OptionalNumber(ReviewTaskAttributes.Version) ?? 0,
        };

        if (fields.Problems.Count > 0 || id is null)
        {
            task = null;
            error = new MalformedTaskItemException(id, fields.Problems);
            return false;
        }

        task = candidate;
        error = null;
        return true;
    }

    /// <summary>The task id of an item from <c>taskId</c>, else from its partition key; null when neither is readable.</summary>
    public static string? TaskIdOf(IReadOnlyDictionary<string, AttributeValue> item) => ReadId(new ItemFields(item));

    /// <summary>The TTL of an item, if it has one: DynamoDB deletes expired items late, so reads check it.</summary>
    public static DateTimeOffset? ExpiresAtOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.TryGetValue(ReviewTaskAttributes.ExpiresAt, out var value) && value.N is { } n
            && long.TryParse(n, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private static string? ReadId(ItemFields fields)
    {
        var pk = fields.OptionalString(ReviewTaskAttributes.PartitionKey);
        var fromKey = pk is not null && pk.StartsWith(ReviewTaskAttributes.TaskPartitionPrefix, StringComparison.Ordinal) && pk.Length > ReviewTaskAttributes.TaskPartitionPrefix.Length
            ? pk[ReviewTaskAttributes.TaskPartitionPrefix.Length..]
            : null;
        var fromAttribute = fields.OptionalString(ReviewTaskAttributes.TaskId);
        if (fromAttribute is not null && fromKey is not null && fromAttribute != fromKey)
        {
            fields.AddProblem($"{ReviewTaskAttributes.TaskId} does not match {ReviewTaskAttributes.PartitionKey}");
        }

        var id = fromKey ?? fromAttribute;
        if (string.IsNullOrWhiteSpace(id))
        {
            fields.AddProblem($"{ReviewTaskAttributes.PartitionKey} is not {ReviewTaskAttributes.TaskPartitionPrefix}{{taskId}} and {ReviewTaskAttributes.TaskId} is missing");
            return null;
        }

        return id;
    }

    /// <summary><c>dueAt</c>, or for an item fresh from the gate (which cannot compute it) <c>createdAt + slaSeconds</c>.</summary>
    private static DateTimeOffset ReadDueAt(ItemFields fields)
    {
        if (fields.Has(ReviewTaskAttributes.DueAt) || !fields.Has(ReviewTaskAttributes.SlaSeconds))
        {
            return fields.RequiredTimestamp(ReviewTaskAttributes.DueAt);
        }

        var sla = fields.OptionalNumber(ReviewTaskAttributes.SlaSeconds);
        var created = fields.OptionalTimestamp(ReviewTaskAttributes.CreatedAt);
        return created is { } c && sla is { } seconds ? c.AddSeconds(seconds) : default;
    }

    /// <summary>
    /// The <c>dueAt</c> an item without one must get (<c>createdAt + slaSeconds</c>, formatted as stored), or null when
    /// the item has a due time already or lacks what it takes to compute one.
    /// </summary>
    public static string? MissingDueAt(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var fields = new ItemFields(item);
        if (fields.Has(ReviewTaskAttributes.DueAt) || !fields.Has(ReviewTaskAttributes.SlaSeconds) || !fields.Has(ReviewTaskAttributes.CreatedAt))
        {
            return null;
        }

        var sla = fields.OptionalNumber(ReviewTaskAttributes.SlaSeconds);
        var created = fields.OptionalTimestamp(ReviewTaskAttributes.CreatedAt);
        return fields.Problems.Count == 0 && created is { } c && sla is { } seconds ? IsoTimestamp.Format(c.AddSeconds(seconds)) : null;
    }

    private static ClaimLease? ReadClaim(ItemFields fields)
    {
        if (!fields.Has(ReviewTaskAttributes.ClaimedBy))
        {
            return null;
        }

        var reviewerId = fields.RequiredString(ReviewTaskAttributes.ClaimedBy);
        var name = fields.OptionalString(ReviewTaskAttributes.ClaimedByName) ?? reviewerId;
        var until = fields.RequiredTimestamp(ReviewTaskAttributes.ClaimUntil);
        return new ClaimLease(reviewerId, name, until);
    }

    private static Decision? ReadDecision(ItemFields fields)
    {
        if (fields.OptionalMap(ReviewTaskAttributes.Decision) is not { } map)
        {
            return null;
        }

        var decision = new Decision
        {
            Outcome = map.RequiredEnum<DecisionOutcome>(DecisionFields.Outcome, WireValues.TryParseOutcome, OutcomeValues),
            Reviewer = new Reviewer(map.RequiredString(DecisionFields.ReviewerId), map.OptionalString(DecisionFields.ReviewerName) ?? string.Empty),
            DecidedAt = map.RequiredTimestamp(DecisionFields.DecidedAt),
            Reason = map.OptionalString(DecisionFields.Reason),
            FinalReportLocation = map.OptionalString(DecisionFields.FinalReportUri),
            EditedFromDraft = map.OptionalBool(DecisionFields.EditedFromDraft),
            DraftSha256 = map.OptionalString(DecisionFields.DraftSha256),
            FinalSha256 = map.OptionalString(DecisionFields.FinalSha256),
            Attestation = map.OptionalString(DecisionFields.Attestation),
            EditDiff = map.OptionalString(DecisionFields.EditDiff),
            RejectCategory = Enum.TryParse<RejectCategory>(map.OptionalString(DecisionFields.RejectCategory), out var category) ? category : null,
        };
        fields.AddProblemsOf(ReviewTaskAttributes.Decision, map);
        return decision;
    }

    private static Dictionary<string, AttributeValue> DecisionToMap(Decision decision)
    {
        var map = new Dictionary<string, AttributeValue>
        {
            [DecisionFields.Outcome] = S(WireValues.Of(decision.Outcome)),
            [DecisionFields.ReviewerId] = S(decision.Reviewer.Id),
            [DecisionFields.ReviewerName] = S(decision.Reviewer.DisplayName),
            [DecisionFields.DecidedAt] = S(IsoTimestamp.Format(decision.DecidedAt)),
            [DecisionFields.EditedFromDraft] = new AttributeValue { BOOL = decision.EditedFromDraft },
        };
        AddIfPresent(map, DecisionFields.Reason, decision.Reason);
        AddIfPresent(map, DecisionFields.FinalReportUri, decision.FinalReportLocation);
        AddIfPresent(map, DecisionFields.DraftSha256, decision.DraftSha256);
        AddIfPresent(map, DecisionFields.FinalSha256, decision.FinalSha256);
        AddIfPresent(map, DecisionFields.Attestation, decision.Attestation);
        AddIfPresent(map, DecisionFields.EditDiff, decision.EditDiff);
        AddIfPresent(map, DecisionFields.RejectCategory, decision.RejectCategory?.ToString());
        return map;
    }

    private static void AddIfPresent(Dictionary<string, AttributeValue> map, string name, string? value)
    {
        // DynamoDB refuses empty strings in key attributes only, but an absent field reads back as null, matching the record.
        if (value is not null)
        {
            map[name] = S(value);
        }
    }

    private static AttributeValue S(string value) => new() { S = value };

    private static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Field names inside the <c>decision</c> map; they follow the SendTaskSuccess output of docs/contract.md ("The decision").</summary>
    private static class DecisionFields
    {
        public const string Outcome = "decision";
        public const string ReviewerId = "reviewerId";
        public const string ReviewerName = "reviewer";
        public const string DecidedAt = "reviewedAt";
        public const string Reason = "reason";
        public const string FinalReportUri = "finalReportUri";
        public const string EditedFromDraft = "editedFromDraft";
        public const string DraftSha256 = "draftSha256";
        public const string FinalSha256 = "finalSha256";
        public const string Attestation = "attestation";
        public const string EditDiff = "editDiff";
        public const string RejectCategory = "rejectCategory";
    }
}
