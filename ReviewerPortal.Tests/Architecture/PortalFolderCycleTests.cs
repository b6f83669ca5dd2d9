using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Architecture;

/// <summary>
/// The portal's feature folders (Review, Identity, Storage, Components, …, with Workflow/LocalResources as a node of its
/// own) must not use each other in a circle, Razor pages included. The files at the project's root (Program.cs and the
/// composition beside it) wire everything and are not read.
/// </summary>
public class PortalFolderCycleTests
{
    private static readonly FolderGraph Portal = FolderGraph.Read(
        Path.Combine(RepoPaths.Root, "ReviewerPortal"), "ReviewerPortal", subfolderNodes: ["Workflow/LocalResources"], includeRazor: true);

    [Fact]
    public void No_two_feature_folders_of_the_portal_use_each_other_directly_or_through_others()
    {
        var cycles = Portal.Cycles();

        cycles.Should().BeEmpty(because: string.Join("; ", cycles.Select(Portal.Describe)));
    }

    [Fact]
    public void The_reader_sees_the_portals_layers()
    {
        // The cycle check is only as good as the graph it reads: these uses are the portal's spine.
        Portal.Uses["Review"].Keys.Should().Contain(["Audit", "Drafts", "Identity"]);
        Portal.Uses["Storage"].Keys.Should().Contain(["Audit", "Review"]);
        Portal.Uses["Components"].Keys.Should().Contain("Review", "the review page's @using and @inject are read");
        Portal.Uses["Workflow/LocalResources"].Keys.Should().Contain("Review");
        Portal.Uses["Identity"].Keys.Should().NotContain("Review", "who is acting and what they may do is Identity's; the review domain builds on it");
        Portal.Uses["Audit"].Should().BeEmpty("the audit trail depends on no feature");
    }

    [Fact]
    public void A_cycle_through_a_razor_page_and_a_sub_folder_node_is_reported_with_the_files_that_make_it()
    {
        using var project = new TempDirectory();
        Write(project, "Queue/QueuePage.razor", "@using Shop.Workflow.Local\n@* @using Shop.Billing (a comment is no use) *@\n<h1>Queue</h1>");
        Write(project, "Workflow/Local/Handler.cs", "namespace Shop.Workflow.Local;\npublic sealed class Handler { }");
        Write(project, "Workflow/Starter.cs", "using Shop.Workflow.Local;\nnamespace Shop.Workflow;\npublic sealed class Starter { }");
        Write(project, "Billing/Invoice.cs", "namespace Shop.Billing;\npublic sealed class Invoice { public Queue.Row? Row; }");
        Write(project, "Queue/Row.cs", "namespace Shop.Queue;\npublic sealed class Row { }");
        var acyclic = FolderGraph.Read(project.Path, "Shop", subfolderNodes: ["Workflow/Local"], includeRazor: true);

        Write(project, "Workflow/Local/Back.cs", "namespace Shop.Workflow.Local;\npublic sealed class Back { public Queue.Row? Row; }");
        var cyclic = FolderGraph.Read(project.Path, "Shop", subfolderNodes: ["Workflow/Local"], includeRazor: true);

        acyclic.Cycles().Should().BeEmpty();
        acyclic.Uses["Queue"].Keys.Should().Equal(["Workflow/Local"], "the commented-out using is not one");
        acyclic.Uses["Workflow"].Keys.Should().Equal("Workflow/Local");
        cyclic.Cycles().Should().ContainSingle().Which.Should().Equal("Queue", "Workflow/Local");
        cyclic.Describe(cyclic.Cycles()[0]).Should().Be("{Queue, Workflow/Local}: Queue→Workflow/Local (Queue/QueuePage.razor), Workflow/Local→Queue (Workflow/Local/Back.cs)");
    }

    private static void Write(TempDirectory project, string relativePath, string text)
    {
        var path = Path.Combine(project.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
