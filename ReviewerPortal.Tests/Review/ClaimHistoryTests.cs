using ReviewerPortal.Audit;
using ReviewerPortal.Review;

namespace ReviewerPortal.Tests.Review;

/// <summary>Since when a holder has held a case, read from the audit trail (issue 10, item 6: "who and since when").</summary>
public class ClaimHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ClaimLease SamHolds = new("sam", "Dr. Sam Okafor", T0.AddHours(1));

    private static AuditEntry Entry(int minute, string actor, string action, string? detail = null) =>
        new("t1", T0.AddMinutes(minute), actor, actor, action, detail);

    [Fact]
    public void Renewals_do_not_move_the_start_of_a_claim()
    {
        var trail = new[] { Entry(2, "sam", "claimed"), Entry(12, "sam", "claimed"), Entry(22, "sam", "claimed") };

        ClaimHistory.HeldSince(trail, SamHolds).Should().Be(T0.AddMinutes(2));
    }

    [Fact]
    public void A_claim_after_someone_elses_release_starts_when_it_was_taken()
    {
        var trail = new[] { Entry(1, "sam", "claimed"), Entry(3, "sam", "released"), Entry(4, "dana", "claimed"), Entry(6, "dana", "released"), Entry(9, "sam", "claimed") };

        ClaimHistory.HeldSince(trail, SamHolds).Should().Be(T0.AddMinutes(9));
    }

    [Fact]
    public void A_take_over_starts_the_new_holders_claim_at_the_take_over()
    {
        var trail = new[]
        {
            Entry(1, "dana", "claimed"),
            Entry(7, "sam", "claim-reassigned", "from Dr. Dana Reyes (dana) to Dr. Sam Okafor (sam)"),
            Entry(15, "sam", "claimed"),
        };

        ClaimHistory.HeldSince(trail, SamHolds).Should().Be(T0.AddMinutes(7));
    }

    [Fact]
    public void A_trail_that_does_not_show_the_current_holder_tells_nothing()
    {
        var trail = new[] { Entry(1, "dana", "claimed") };

        ClaimHistory.HeldSince(trail, SamHolds).Should().BeNull();
    }
}
