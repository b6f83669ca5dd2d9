using System.Text.Json;
using ReviewerPortal.Operations;
using ReviewerPortal.StepFunctions.Model;

namespace ReviewerPortal.Tests.Operations;

public class HistoryEventJsonTests
{
    [Fact]
    public void An_event_reads_as_indented_json_with_its_embedded_input_expanded_and_an_iso_time()
    {
        var json = HistoryEventJson.Format(new HistoryEvent
        {
            Id = 7,
            Timestamp = new DateTime(2026, 12, 7, 9, 30, 1, 250, DateTimeKind.Utc),
            Type = HistoryEventType.TaskStateEntered,
            StateEnteredEventDetails = new() { Name = "UrgentReview", Input = "{\"caseId\":\"RP-1001\",\"urgency\":\"urgent\"}" },
        });

        json.Should().Contain("\n  \"id\": 7");
        using var parsed = JsonDocument.Parse(json);
        parsed.RootElement.GetProperty("timestamp").GetString().Should().Be("2026-12-07T09:30:01.250Z");
        var input = parsed.RootElement.GetProperty("stateEnteredEventDetails").GetProperty("input");
        input.ValueKind.Should().Be(JsonValueKind.Object, "the state's input is shown as JSON, not as an escaped string");
        input.GetProperty("caseId").GetString().Should().Be("RP-1001");
    }

    [Fact]
    public void Text_that_only_looks_like_json_stays_text()
    {
        var json = HistoryEventJson.Format(new HistoryEvent
        {
            Id = 1,
            Type = HistoryEventType.TaskStateEntered,
            StateEnteredEventDetails = new() { Name = "S", Input = "{not json" },
        });

        using var parsed = JsonDocument.Parse(json);
        parsed.RootElement.GetProperty("stateEnteredEventDetails").GetProperty("input").GetString().Should().Be("{not json");
    }
}
