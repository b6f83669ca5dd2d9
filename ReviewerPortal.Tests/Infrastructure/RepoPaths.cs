namespace ReviewerPortal.Tests.Infrastructure;

/// <summary>Finds the repository root (the folder holding the solution) from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Tools => Path.Combine(Root, "tools");

    public static string NodeModules => Path.Combine(Tools, "node", "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (with Directory.Build.props) not found above " + AppContext.BaseDirectory);
    }
}
