using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ReviewerPortal.Audit;
using ReviewerPortal.Escalations;
using ReviewerPortal.Identity;
using ReviewerPortal.Identity.Development;
using ReviewerPortal.Review;
using ReviewerPortal.Tests.Escalations;

namespace ReviewerPortal.Tests.Identity;

/// <summary>
/// The Escalations page's two actions, as the page performs them (through <see cref="ClaimOverrides"/>), for every role
/// and anonymous: each succeeds exactly for the users <see cref="AuthorizationMatrix.ActionUsers"/> allows, and a
/// refused one changes nothing.
/// </summary>
[Trait("Category", "Slow")]
public class OverrideActionsMatrixTests
{
    private static readonly Reviewer Holder = new("oid-holder", "Dr. Holder");

    [Theory]
    [MemberData(nameof(AuthorizationMatrix.Users), MemberType = typeof(AuthorizationMatrix))]
    public async Task Each_user_may_release_or_take_over_someone_elses_claim_exactly_as_the_matrix_allows(string user)
    {
        await using var app = new IdentityTestApp();
        var store = app.GetRequiredService<IReviewTaskStore>();
        await using var circuit = app.AppServices.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(Principal(user))));
        var overrides = circuit.ServiceProvider.GetRequiredService<ClaimOverrides>();

        var release = await overrides.ReleaseAsync(await ClaimedAsync(store, "matrix-release"), default);
        var takeOver = await overrides.TakeOverAsync(await ClaimedAsync(store, "matrix-take-over"), default);

        var audit = app.GetRequiredService<IAuditTrail>();
        await ExpectAsync(store, audit, "matrix-release", release, AuthorizationMatrix.ActionUsers[PortalAction.ReleaseOthersClaim].Contains(user), user);
        await ExpectAsync(store, audit, "matrix-take-over", takeOver, AuthorizationMatrix.ActionUsers[PortalAction.Reassign].Contains(user), user);
    }

    private static async Task ExpectAsync(IReviewTaskStore store, IAuditTrail trail, string taskId, ActionOutcome outcome, bool allowed, string user)
    {
        outcome.Succeeded.Should().Be(allowed, $"{user}: {outcome.Message}");
        var audit = (await trail.ListForTaskAsync(taskId)).Where(a => a.Action != "claimed").ToList();
        if (allowed)
        {
            audit.Should().ContainSingle().Which.ActorId.Should().Be(user);
        }
        else
        {
            outcome.Message.Should().StartWith(user == AuthorizationMatrix.Anonymous ? "Your session has ended" : "Your role does not allow this");
            (await store.GetAsync(taskId))!.Claim!.ReviewerId.Should().Be(Holder.Id);
            audit.Should().BeEmpty();
        }
    }

    /// <summary>A task claimed by someone else, registered directly (no workflow waits on it).</summary>
    private static async Task<ReviewTask> ClaimedAsync(IReviewTaskStore store, string id)
    {
        var now = DateTimeOffset.UtcNow;
        await store.RegisterAsync(EscalationTasks.Open(id, QueueName.Escalation, now.AddHours(-1), now.AddHours(1)));
        return (await store.ClaimAsync(id, Holder, now.AddMinutes(20))).Task!;
    }

    private static ClaimsPrincipal Principal(string user) => DevelopmentPersonas.Find(user) is { } persona
        ? PortalClaims.CreatePrincipal(persona.Id, null, persona.DisplayName, [persona.Role], "persona", DateTimeOffset.UtcNow)
        : new ClaimsPrincipal(new ClaimsIdentity());
}
