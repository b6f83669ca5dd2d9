using ReviewerPortal.Engine.Jsonata;

namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>A pathological expression fails with a clear error instead of hanging or overflowing the stack.</summary>
public sealed class JsonataLimitTests
{
    [Fact]
    public void Endless_recursion_stops_at_the_depth_limit_with_U1001()
    {
        var error = JsonataRun.Error("($f := function($n){ $f($n + 1) }; $f(0))");

        error.Code.Should().Be("U1001");
        error.Message.Should().Contain("Stack overflow");
    }

    [Fact]
    public void A_long_loop_stops_at_the_time_limit_with_U1002()
    {
        // A 2^40-step recursion that never gets deep: only the clock can stop it.
        var limits = new JsonataLimits(TimeSpan.FromMilliseconds(300), 1000);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = JsonataRun.Error("($f := function($n){ $n = 0 ? 0 : $f($n - 1) + $f($n - 1) }; $f(40))", limits: limits);

        error.Code.Should().Be("U1002");
        error.Message.Should().Contain("timeout");
        started.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "the limit stops it long before it would finish");
    }

    [Fact]
    public void Deep_but_finite_recursion_within_the_limit_succeeds() =>
        JsonataRun.Eval("($sum := function($n){ $n = 0 ? 0 : $n + $sum($n - 1) }; $sum(100))").Should().Be("5050");
}
