using System.Text.Json.Nodes;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.StepFunctions;

public class StepFunctionsJsonTests
{
    /// <summary>A GetExecutionHistory page as AWS sends it (review gate entered, token handed out, success, exit).</summary>
    private const string HistoryPage = """
        {
          "events": [
            {"timestamp": 1763780400.123, "type": "ExecutionStarted", "id": 1, "previousEventId": 0,
             "executionStartedEventDetails": {"input": "{\"caseId\":\"C-1\"}", "inputDetails": {"truncated": false},
               "roleArn": "arn:aws:iam::123456789012:role/review"}},
            {"timestamp": 1763780400.2, "type": "TaskStateEntered", "id": 2, "previousEventId": 0,
             "stateEnteredEventDetails": {"name": "ReviewGate", "input": "{\"caseId\":\"C-1\"}", "inputDetails": {"truncated": false}}},
            {"timestamp": 1763780400.25, "type": "TaskScheduled", "id": 3, "previousEventId": 2,
             "taskScheduledEventDetails": {"resourceType": "aws-sdk:dynamodb", "resource": "putItem.waitForTaskToken",
               "region": "eu-west-1", "parameters": "{\"TableName\":\"review-tasks\"}", "timeoutInSeconds": 86400, "heartbeatInSeconds": 3600}},
            {"timestamp": 1763784000.999, "type": "TaskSucceeded", "id": 5, "previousEventId": 4,
             "taskSucceededEventDetails": {"resourceType": "aws-sdk:dynamodb", "resource": "putItem.waitForTaskToken",
               "output": "{\"decision\":\"approved\"}", "outputDetails": {"truncated": false}}},
            {"timestamp": 1763784001, "type": "ExecutionFailed", "id": 9, "previousEventId": 8,
             "executionFailedEventDetails": {"error": "ClinicianRejected", "cause": "Wrong laterality"}}
          ],
          "nextToken": "AAAAKgAAAAIAAAAAAAAAAfQ="
        }
        """;

    [Fact]
    public void A_history_page_from_AWS_reads_into_typed_events()
    {
        var page = StepFunctionsJson.Deserialize<GetExecutionHistoryResponse>(System.Text.Encoding.UTF8.GetBytes(HistoryPage));

        page.NextToken.Should().Be("AAAAKgAAAAIAAAAAAAAAAfQ=");
        page.Events.Should().HaveCount(5);
        page.Events[0].Timestamp.Should().Be(new DateTime(2025, 11, 22, 3, 0, 0, 123, DateTimeKind.Utc));
        page.Events[0].Timestamp.Kind.Should().Be(DateTimeKind.Utc);
        page.Events[0].ExecutionStartedEventDetails!.Input.Should().Be("""{"caseId":"C-1"}""");
        page.Events[1].StateEnteredEventDetails!.Name.Should().Be("ReviewGate");
        page.Events[2].TaskScheduledEventDetails!.HeartbeatInSeconds.Should().Be(3600);
        page.Events[3].Timestamp.Should().Be(new DateTime(2025, 11, 22, 4, 0, 0, 999, DateTimeKind.Utc));
        page.Events[3].TaskSucceededEventDetails!.Output.Should().Be("""{"decision":"approved"}""");
        page.Events[4].ExecutionFailedEventDetails!.Error.Should().Be("ClinicianRejected");
    }

    [Fact]
    public void A_history_page_written_back_is_the_same_page_apart_from_fields_we_do_not_model()
    {
        var page = StepFunctionsJson.Deserialize<GetExecutionHistoryResponse>(System.Text.Encoding.UTF8.GetBytes(HistoryPage));

        var written = JsonNode.Parse(StepFunctionsJson.Serialize(page))!;

        var expected = JsonNode.Parse(HistoryPage)!;
        foreach (var e in expected["events"]!.AsArray())
        {
            // inputDetails/outputDetails are informational flags AWS adds; the model leaves them out.
            foreach (var details in e!.AsObject().Where(p => p.Value is JsonObject).Select(p => p.Value!.AsObject()))
            {
                details.Remove("inputDetails");
                details.Remove("outputDetails");
            }
        }

        JsonNode.DeepEquals(written, expected).Should().BeTrue($"written:\n{written}\nexpected:\n{expected}");
    }

    [Fact]
    public void Timestamps_are_written_as_epoch_seconds_with_milliseconds()
    {
        var response = new StartExecutionResponse
        {
            ExecutionArn = "arn:aws:states:eu-west-1:123456789012:execution:review:case-1",
            StartDate = new DateTime(2025, 11, 22, 3, 0, 0, 123, DateTimeKind.Utc),
        };

        var json = System.Text.Encoding.UTF8.GetString(StepFunctionsJson.Serialize(response));

        json.Should().Be("""{"executionArn":"arn:aws:states:eu-west-1:123456789012:execution:review:case-1","startDate":1763780400.123}""");
    }

    [Fact]
    public void Absent_values_are_left_out_and_constants_are_written_as_their_strings()
    {
        var request = new ListExecutionsRequest { StateMachineArn = "arn:aws:states:eu-west-1:123456789012:stateMachine:review", StatusFilter = ExecutionStatus.RUNNING };

        var json = System.Text.Encoding.UTF8.GetString(StepFunctionsJson.Serialize(request));

        json.Should().Be("""{"stateMachineArn":"arn:aws:states:eu-west-1:123456789012:stateMachine:review","statusFilter":"RUNNING"}""");
    }

    [Fact]
    public void A_describe_execution_answer_reads_status_and_optional_stop_date()
    {
        var body = """
            {"executionArn":"arn:aws:states:us-east-1:123456789012:execution:m:e","stateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:m",
             "name":"e","status":"SUCCEEDED","startDate":1.763780400123E9,"stopDate":1763780460.5,"input":"{}","output":"{\"ok\":true}",
             "inputDetails":{"included":true},"outputDetails":{"included":true},"redriveCount":0,"redriveStatus":"NOT_REDRIVABLE"}
            """;

        var described = StepFunctionsJson.Deserialize<DescribeExecutionResponse>(System.Text.Encoding.UTF8.GetBytes(body));

        described.Status.Should().Be(ExecutionStatus.SUCCEEDED);
        described.StartDate.Should().Be(new DateTime(2025, 11, 22, 3, 0, 0, 123, DateTimeKind.Utc));
        described.StopDate.Should().Be(new DateTime(2025, 11, 22, 3, 1, 0, 500, DateTimeKind.Utc));
        described.RedriveStatus.Should().Be("NOT_REDRIVABLE");
    }

    [Fact]
    public void Timestamps_written_as_ISO_strings_by_emulators_are_read_as_UTC()
    {
        var described = StepFunctionsJson.Deserialize<StopExecutionResponse>("""{"stopDate":"2025-11-22T03:00:00.123000+00:00"}"""u8);

        described.StopDate.Should().Be(new DateTime(2025, 11, 22, 3, 0, 0, 123, DateTimeKind.Utc));
        described.StopDate.Kind.Should().Be(DateTimeKind.Utc);
    }
}
