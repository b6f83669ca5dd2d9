using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Review;

public class SlaClockTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    private static ReviewTask DueInAnHour() => new()
    {
        Id = "t",
        TaskToken = "x",
        ExecutionArn = "arn",
        CaseId = "C",
        StudyDescription = "S",
        Modality = "CT",
        Urgency = Urgency.Urgent,
        Queue = QueueName.Urgent,
        DraftLocation = "s3://b/k",
        CreatedAt = Created,
        DueAt = Created.AddHours(1),
    };

    [Theory]
    [InlineData(10, SlaState.OnTrack, 50)]
    [InlineData(47, SlaState.OnTrack, 13)]
    [InlineData(48, SlaState.DueSoon, 12)]
    [InlineData(60, SlaState.DueSoon, 0)]
    [InlineData(75, SlaState.Overdue, -15)]
    public void The_state_follows_the_share_of_time_left(int minutesAfterCreation, SlaState state, int minutesLeft)
    {
        var clock = SlaClock.For(DueInAnHour(), Created.AddMinutes(minutesAfterCreation));

        clock.State.Should().Be(state);
        clock.Remaining.Should().Be(TimeSpan.FromMinutes(minutesLeft));
        clock.Age.Should().Be(TimeSpan.FromMinutes(minutesAfterCreation));
    }

    [Theory]
    [InlineData(42, "42 s")]
    [InlineData(12 * 60, "12 min")]
    [InlineData(3 * 3600, "3 h")]
    [InlineData((3 * 3600) + (20 * 60), "3 h 20 min")]
    [InlineData(2 * 86400, "2 d")]
    [InlineData((2 * 86400) + (4 * 3600) + 59, "2 d 4 h")]
    [InlineData(-15 * 60, "15 min")]
    public void Durations_read_as_short_phrases(int seconds, string text)
    {
        DurationText.Format(TimeSpan.FromSeconds(seconds)).Should().Be(text);
    }
}
