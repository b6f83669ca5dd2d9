using Microsoft.Extensions.Time.Testing;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>Clocks that stand still until a test moves them: the framework's <see cref="FakeTimeProvider"/>, at a fixed morning.</summary>
public static class TestClocks
{
    public static DateTimeOffset Morning { get; } = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider AtMorning() => new(Morning);
}
