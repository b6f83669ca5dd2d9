using System.Reflection;
using ReviewerPortal.Tests.Storage.DynamoDb;

namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>
/// The fast loop (<c>--filter "Category!=Slow"</c>) leaves out the classes marked <c>[Trait("Category", "Slow")]</c>:
/// a new class that shares a browser or a moto/dynalite server and forgets the mark would slow every developer's loop.
/// </summary>
public class SlowCategoryTests
{
    private static readonly Type[] SlowFixtures = [typeof(ChromiumFixture), typeof(MotoServer), typeof(DynaliteServer)];

    [Fact]
    public void Every_test_class_that_shares_a_browser_or_a_local_aws_server_is_marked_slow()
    {
        var classes = typeof(SlowCategoryTests).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => m.IsDefined(typeof(FactAttribute), inherit: true)))
            .ToList();
        var sharing = classes.Where(UsesSlowFixture).ToList();

        sharing.Should().Contain(typeof(DynamoDbTaskStoreOnMotoTests)).And.Contain(typeof(Components.AccessibilityInBrowserTests));
        sharing.Where(t => !IsMarkedSlow(t)).Select(t => t.FullName).Should().BeEmpty("add [Trait(\"Category\", \"Slow\")] to them");
    }

    private static bool UsesSlowFixture(Type type) =>
        type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => SlowFixtures.Contains(p.ParameterType))
        || type.GetInterfaces().Any(i => i.IsGenericType && SlowFixtures.Contains(i.GetGenericArguments()[0]));

    private static bool IsMarkedSlow(Type type) =>
        type.GetCustomAttributesData().Any(a =>
            a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments.Select(c => c.Value as string).SequenceEqual(["Category", "Slow"]));
}
