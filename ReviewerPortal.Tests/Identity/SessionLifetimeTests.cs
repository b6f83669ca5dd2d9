using System.Net;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Identity;

[Trait("Category", "Slow")]
public class SessionLifetimeTests
{
    [Fact]
    public async Task A_session_left_idle_longer_than_the_idle_timeout_must_sign_in_again()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new IdentityTestApp(clock: clock);
        using var client = app.CreateRawClient();
        var session = await PersonaSignIn.SignInAsync(client, "persona-clinician");

        clock.Advance(TimeSpan.FromMinutes(31));
        using var response = await session.SendAsync(client, HttpMethod.Get, "/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/signin");
    }

    [Fact]
    public async Task A_session_in_steady_use_slides_but_ends_at_its_absolute_cap()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new IdentityTestApp(settings: new Dictionary<string, string?> { ["Identity:MaxSessionLifetime"] = "02:00:00" }, clock: clock);
        using var client = app.CreateRawClient();
        var session = await PersonaSignIn.SignInAsync(client, "persona-clinician");

        // Every 20 minutes for 1 h 40 min: each request renews the 30-minute idle window.
        for (var step = 0; step < 5; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            using var inUse = await session.SendAsync(client, HttpMethod.Get, "/");
            inUse.StatusCode.Should().Be(HttpStatusCode.OK, $"the session is in use after {(step + 1) * 20} minutes");
        }

        clock.Advance(TimeSpan.FromMinutes(21));
        using var response = await session.SendAsync(client, HttpMethod.Get, "/");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "two hours after sign-in the session ends however busy it is");
        response.Headers.Location!.AbsolutePath.Should().Be("/signin");
    }
}
