namespace ReviewerPortal.Benchmarks;

/// <summary>What the benchmark programs share: reading <c>--name value</c> options and finding the repository.</summary>
internal static class BenchmarkArgs
{
    public static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found: run the benchmark from the repository.");
    }
}
