using System.Reflection;
using System.Xml.Linq;
using ReviewerPortal.Engine;
using ReviewerPortal.StepFunctions;
using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Architecture;

/// <summary>
/// References go one way: client ← engine ← portal. Read twice: in the project files (what the next build will
/// allow) and in the compiled assemblies (what this build used).
/// </summary>
public class ProjectReferenceTests
{
    [Fact]
    public void The_engine_references_the_client_and_never_the_portal()
    {
        ProjectReferences("ReviewerPortal.Engine").Should().Equal("ReviewerPortal.StepFunctions");
        ReferencedProjects(typeof(LocalEngineOptions).Assembly).Should().Equal("ReviewerPortal.StepFunctions");
    }

    [Fact]
    public void The_client_references_neither_the_engine_nor_the_portal()
    {
        ProjectReferences("ReviewerPortal.StepFunctions").Should().BeEmpty();
        ReferencedProjects(typeof(IAmazonStepFunctions).Assembly).Should().BeEmpty();
    }

    [Fact]
    public void The_portal_references_the_engine_and_the_client()
    {
        // The positive case of the two above: the readers find references where there are some.
        ProjectReferences("ReviewerPortal").Should().BeEquivalentTo("ReviewerPortal.Engine", "ReviewerPortal.StepFunctions");
        ReferencedProjects(typeof(PortalOptions).Assembly).Should().BeEquivalentTo("ReviewerPortal.Engine", "ReviewerPortal.StepFunctions");
    }

    /// <summary>The projects a csproj names in its ProjectReference items.</summary>
    private static List<string> ProjectReferences(string project) =>
        XDocument.Load(Path.Combine(RepoPaths.Root, project, project + ".csproj"))
            .Descendants("ProjectReference")
            .Select(reference => Path.GetFileNameWithoutExtension(reference.Attribute("Include")!.Value.Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The assemblies of this repository an assembly was compiled against.</summary>
    private static List<string> ReferencedProjects(Assembly assembly) =>
        assembly.GetReferencedAssemblies()
            .Select(name => name.Name!)
            .Where(name => name == "ReviewerPortal" || name.StartsWith("ReviewerPortal.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
