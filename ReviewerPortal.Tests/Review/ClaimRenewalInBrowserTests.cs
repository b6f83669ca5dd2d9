using Microsoft.Playwright;
using ReviewerPortal.Audit;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Engine;
using ReviewerPortal.Tests.Identity;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Workflow.LocalResources;
using ReviewerPortal.Workflow.LocalResources;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Review;

/// <summary>A clinician who keeps a case open longer than the claim lease still holds it, in Chromium.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserTests.Name)]
public sealed class ClaimRenewalInBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task A_clinician_reading_for_longer_than_the_lease_keeps_the_case_from_other_reviewers_until_they_release_it()
    {
        // The portal's clock starts at the real time (so browser cookies stay valid) and moves only when the test moves it.
        var clock = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new IdentityTestApp(clock: clock);
        var store = app.GetRequiredService<IReviewTaskStore>();
        var renewals = app.GetRequiredService<ClaimRenewals>();
        await LoopWaits.StartCaseAsync(app, DemoStudies.MriKnee, "RP-LONG-READ");
        var task = (await LoopWaits.OpenTasksAsync(store, QueueName.Routine, 1)).Single();
        var clinician = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(clinician, "/review/" + task.Id);
        await Expect(clinician.GetByText("You are reviewing this case")).ToBeVisibleAsync();

        // 24 minutes with the page open, past the 20-minute lease: each 2-minute round renews it to a full lease.
        for (var minute = 2; minute <= 24; minute += 2)
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            await LeaseRunsUntilAsync(store, task.Id, clock.GetUtcNow() + TimeSpan.FromMinutes(20));
        }

        await Expect(clinician.Locator(".task-status")).ToHaveTextAsync("In review by Dr. Dana Reyes");
        await Expect(clinician.GetByText("You no longer hold this case")).ToHaveCountAsync(0);
        (await app.GetRequiredService<IAuditTrail>().ListForTaskAsync(task.Id)).Count(a => a.Action == "claimed").Should().Be(1, "renewals are not new claims");

        // A reload renders the page twice (prerendered, then interactive); only the live page may keep renewing.
        await clinician.ReloadAsync();
        await clinician.Locator("main[data-interactive]").WaitForAsync();
        await Expect(clinician.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true })).ToBeVisibleAsync();

        // Another reviewer (the supervisor persona) opening the case still finds it held, with nothing to claim.
        var other = await chromium.NewPageAsync(app.BaseAddress);
        await ChromiumFixture.GotoInteractiveAsync(other, "/review/" + task.Id, "persona-supervisor");
        await Expect(other.Locator(".task-status")).ToHaveTextAsync("In review by Dr. Dana Reyes");
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "Claim this case", Exact = true })).ToHaveCountAsync(0);

        // Released: no page holds the claim any more, and the case is free for the other reviewer at once.
        await clinician.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true }).ClickAsync();
        await Expect(clinician.Locator(".decision-message")).ToHaveTextAsync("The case is back in the queue.");
        await Expect(other.GetByRole(AriaRole.Button, new() { Name = "Claim this case", Exact = true })).ToBeVisibleAsync();
        await LoopWaits.UntilAsync(() => renewals.Held.Count == 0, "a released case is no longer renewed", TimeSpan.FromSeconds(15));
        await clinician.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    private static Task LeaseRunsUntilAsync(IReviewTaskStore store, string taskId, DateTimeOffset until) =>
        LoopWaits.UntilAsync(async () => (await store.GetAsync(taskId))?.Claim?.Until >= until, $"the lease is renewed to {until:HH:mm:ss}", TimeSpan.FromSeconds(15));
}
