using ReviewerPortal.Tests.Infrastructure;

namespace ReviewerPortal.Tests.Architecture;

/// <summary>
/// The engine's folders form layers (Jsonata, Variables, Paths, Intrinsics under Model; Parsing and Execution on the
/// model; MapRuns on Execution; Runtime and the APIs on top): a folder that starts using one above it fails here.
/// </summary>
public class EngineFolderCycleTests
{
    private static readonly FolderGraph Engine = FolderGraph.Read(Path.Combine(RepoPaths.Root, "ReviewerPortal.Engine"), "ReviewerPortal.Engine");

    [Fact]
    public void No_two_folders_of_the_engine_use_each_other_directly_or_through_others()
    {
        var cycles = Engine.Cycles();

        cycles.Should().BeEmpty(because: string.Join("; ", cycles.Select(Engine.Describe)));
    }

    [Fact]
    public void The_reader_sees_the_engines_layers()
    {
        // The cycle check is only as good as the graph it reads: these uses are the engine's spine.
        Engine.Uses["Execution"].Keys.Should().Contain(["Model", "Paths"]);
        Engine.Uses["Parsing"].Keys.Should().Contain("Model");
        Engine.Uses["Runtime"].Keys.Should().Contain(["Execution", "MapRuns", "Parsing"]);
        Engine.Uses["Model"].Keys.Should().NotContain("Execution", "the model is parsed data; running it is Execution's (StateWork)");
        Engine.Uses["Jsonata"].Should().BeEmpty("the JSONata evaluator depends on nothing else of the engine");
    }

    [Fact]
    public void A_use_back_down_the_layers_is_reported_as_a_cycle()
    {
        var edges = new Dictionary<string, IEnumerable<string>>
        {
            ["Runtime"] = ["Execution", "MapRuns"],
            ["MapRuns"] = ["Execution"],
            ["Execution"] = ["Model"],
            ["Model"] = ["MapRuns"],
        };

        FolderGraph.Cycles(edges).Should().BeEquivalentTo(new[] { new[] { "Execution", "MapRuns", "Model" } });
    }

    [Fact]
    public void Names_in_comments_and_strings_are_not_uses()
    {
        var code = FolderGraph.WithoutCommentsAndStrings("""
            // Runtime.LongTimer
            /* Model.State */ var s = "Execution.StateRun"; var c = '"'; var u = Paths.PathScope.Root;
            """);

        code.Should().NotContain("Runtime.").And.NotContain("Model.").And.NotContain("Execution.").And.Contain("Paths.PathScope");
    }
}
