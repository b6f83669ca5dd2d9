using Microsoft.Playwright;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Infrastructure;
using ReviewerPortal.Tests.Storage;
using ReviewerPortal.Tests.Storage.DynamoDb;
using static Microsoft.Playwright.Assertions;

namespace ReviewerPortal.Tests.Escalations;

/// <summary>The Escalations page with the portal in Aws mode: tasks in moto's DynamoDB, the override a DynamoDB transaction.</summary>
[Collection(BrowserTests.Name)]
public sealed class EscalationsAwsModeInBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task In_aws_mode_a_supervisor_sees_overdue_work_and_releases_a_claim_with_the_audit_entry_in_dynamodb()
    {
        await using var moto = await TestServers.StartMotoAsync();
        var table = await ReviewTaskTable.CreateAsync(moto.BaseUri, enableTtl: true);
        var tasks = table.Store(TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        await tasks.RegisterAsync(EscalationTasks.Open("aws-esc", QueueName.Escalation, now.AddHours(-1), now.AddHours(1)));
        await tasks.RegisterAsync(EscalationTasks.Open("aws-late", QueueName.Urgent, now.AddHours(-2), now.AddMinutes(-20)));
        await tasks.ClaimAsync("aws-esc", new Reviewer("persona-clinician", "Dr. Dana Reyes"), now.AddMinutes(20));
        await using var app = new AwsModePortalApp(AwsModeSettings.For(moto.BaseUri, table.Name, "reviewer-portal-drafts"));
        var page = await chromium.NewPageAsync(app.BaseAddress);

        await ChromiumFixture.GotoInteractiveAsync(page, "/escalations", "persona-supervisor");
        await Expect(page.Locator(".overdue-summary")).ToHaveTextAsync("1 task is OVERDUE.");
        await Expect(page.Locator("table[aria-label='Overdue urgent tasks'] .sla-badge")).ToHaveTextAsync("Overdue by 20 min");
        await page.Locator(".held-claim", new() { HasText = "CASE-aws-esc" }).Locator("button.release-claim").ClickAsync();

        await Expect(page.Locator(".override-outcome")).ToContainTextAsync("Dr. Dana Reyes's claim on CASE-aws-esc is released; the case is back in the escalation queue.");
        await Expect(page.Locator(".held-claim")).ToHaveCountAsync(0);
        (await tasks.GetAsync("aws-esc"))!.Status.Should().Be(ReviewStatus.Pending);
        (await tasks.ListAuditAsync("aws-esc")).Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { Action = "claim-released-by-supervisor", ActorId = "persona-supervisor", ActorName = "Dr. Sam Okafor" });
        await page.Context.CloseAsync();
    }
}
