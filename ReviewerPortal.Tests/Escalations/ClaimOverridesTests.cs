using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Audit;
using ReviewerPortal.Escalations;
using ReviewerPortal.Identity;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Identity;

namespace ReviewerPortal.Tests.Escalations;

/// <summary>Each override is re-authorized against the circuit's user at the moment it runs, not when the page rendered.</summary>
[Trait("Category", "Slow")]
public sealed class ClaimOverridesTests
{
    private static readonly Reviewer Dana = new("persona-clinician", "Dr. Dana Reyes");

    [Theory]
    [InlineData(false, "Your role does not allow this (releasing someone else's claim).")]
    [InlineData(true, "Your role does not allow this (reassigning a task).")]
    public async Task A_supervisor_demoted_in_an_open_circuit_is_refused_the_override_and_the_claim_stays(bool takeOver, string refusal)
    {
        await using var app = new IdentityTestApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var shown = await ClaimedTaskAsync(store, "override-demoted");
        await using var circuit = app.AppServices.CreateAsyncScope();
        SignIn(circuit, PortalRoles.Supervisor);
        var overrides = circuit.ServiceProvider.GetRequiredService<ClaimOverrides>();

        SignIn(circuit, PortalRoles.Clinician);
        var outcome = takeOver ? await overrides.TakeOverAsync(shown, default) : await overrides.ReleaseAsync(shown, default);

        outcome.Should().Be(new ActionOutcome(false, refusal));
        (await store.GetAsync(shown.Id))!.Claim!.ReviewerId.Should().Be(Dana.Id);
        (await app.GetRequiredService<IAuditTrail>().ListForTaskAsync(shown.Id)).Should().OnlyContain(a => a.Action == "claimed", "a refused override writes nothing");
    }

    [Fact]
    public async Task An_override_of_a_claim_that_changed_hands_since_the_page_showed_it_changes_nothing_and_says_who_holds_it_now()
    {
        await using var app = new IdentityTestApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        var shown = await ClaimedTaskAsync(store, "override-stale");
        await store.ReleaseAsync(shown.Id, Dana);
        await store.ClaimAsync(shown.Id, new Reviewer("oid-lee", "Dr. Lee Park"), DateTimeOffset.UtcNow.AddMinutes(20));
        await using var circuit = app.AppServices.CreateAsyncScope();
        SignIn(circuit, PortalRoles.Supervisor);

        var outcome = await circuit.ServiceProvider.GetRequiredService<ClaimOverrides>().ReleaseAsync(shown, default);

        outcome.Succeeded.Should().BeFalse();
        outcome.Message.Should().StartWith("CASE-override-stale is now held by Dr. Lee Park until ").And.EndWith("; nothing was changed.");
        (await store.GetAsync(shown.Id))!.Claim!.ReviewerId.Should().Be("oid-lee");
    }

    private static async Task<ReviewTask> ClaimedTaskAsync(IReviewTaskStore store, string id)
    {
        var now = DateTimeOffset.UtcNow;
        await store.RegisterAsync(EscalationTasks.Open(id, QueueName.Escalation, now.AddHours(-1), now.AddHours(1)));
        return (await store.ClaimAsync(id, Dana, now.AddMinutes(20))).Task!;
    }

    /// <summary>Sets the circuit's user as the Blazor host does (the persona's stable id; the role varies).</summary>
    private static void SignIn(AsyncServiceScope circuit, string role) =>
        ((IHostEnvironmentAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(
                PortalClaims.CreatePrincipal("persona-supervisor", null, "Dr. Sam Okafor", [role], "persona", DateTimeOffset.UtcNow))));
}
