using System.Text.RegularExpressions;

namespace ReviewerPortal.Tests.Architecture;

/// <summary>
/// Which top-level folders of a project use which others, read from the source: a <c>using</c> or a qualified name of
/// the folder's namespace (<c>RootNamespace.Folder…</c>), or a name relative to the root (<c>Folder.Type</c>) where the
/// type is declared in that folder. Comments and string literals of C# are left out, so prose never counts as a use;
/// Razor files, when read, lose only their comments. Files at the project's root are not read (the composition root).
/// </summary>
public sealed partial class FolderGraph
{
    private FolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> uses) => Uses = uses;

    /// <summary>Folder → folders it uses → the files (relative paths) that use them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Uses { get; }

    /// <param name="subfolderNodes">Sub-folders (e.g. <c>Workflow/LocalResources</c>) that count as nodes of their own, apart from their parent.</param>
    /// <param name="includeRazor">Also read <c>.razor</c> files (their <c>@using</c>, <c>@inject</c> and code), without razor or HTML comments.</param>
    public static FolderGraph Read(string projectFolder, string rootNamespace, IReadOnlyCollection<string>? subfolderNodes = null, bool includeRazor = false)
    {
        var nested = (subfolderNodes ?? []).OrderByDescending(node => node.Length).ToList();
        var folders = Directory.GetDirectories(projectFolder).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj" or "wwwroot" or "Properties")).ToList();
        string NodeOf(string relativeFile)
        {
            var path = relativeFile.Replace('\\', '/');
            return nested.FirstOrDefault(node => path.StartsWith(node + "/", StringComparison.Ordinal)) ?? path[..path.IndexOf('/', StringComparison.Ordinal)];
        }

        var code = folders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(projectFolder, folder), "*", SearchOption.AllDirectories))
            .Where(file => file.EndsWith(".cs", StringComparison.Ordinal) || (includeRazor && file.EndsWith(".razor", StringComparison.Ordinal)))
            .Select(file => (Relative: Path.GetRelativePath(projectFolder, file).Replace('\\', '/'), Text: Readable(file)))
            .GroupBy(file => NodeOf(file.Relative))
            .ToDictionary(group => group.Key, group => group.ToDictionary(file => file.Relative, file => file.Text), StringComparer.Ordinal);
        var declared = code.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Values.SelectMany(text => Declaration().Matches(text).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal));
        var qualified = new Regex(Regex.Escape(rootNamespace) + @"\.(?<name>\w+(?:\.\w+)*)");

        // A qualified name belongs to the longest node its namespace starts with (Workflow.LocalResources before Workflow).
        string? NodeNamed(string dotted) =>
            nested.Select(node => node.Replace('/', '.')).FirstOrDefault(node => dotted == node || dotted.StartsWith(node + ".", StringComparison.Ordinal))?.Replace('.', '/')
            ?? dotted.Split('.')[0];

        var uses = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>(StringComparer.Ordinal);
        foreach (var (folder, files) in code)
        {
            var used = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (file, text) in files)
            {
                var named = qualified.Matches(text).Select(m => NodeNamed(m.Groups["name"].Value)).OfType<string>()
                    .Concat(RelativeName().Matches(text).Where(m => declared.TryGetValue(m.Groups["folder"].Value, out var types) && types.Contains(m.Groups["type"].Value))
                        .Select(m => m.Groups["folder"].Value));
                foreach (var other in named.Where(other => other != folder && code.ContainsKey(other)))
                {
                    (used.TryGetValue(other, out var users) ? users : used[other] = new HashSet<string>(StringComparer.Ordinal)).Add(file);
                }
            }

            uses[folder] = used.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
        }

        return new FolderGraph(uses);
    }

    /// <summary>Each cycle in words: its folders, then every use between them with the files that make it.</summary>
    public string Describe(IReadOnlyList<string> cycle) =>
        "{" + string.Join(", ", cycle) + "}: " + string.Join(", ", cycle.SelectMany(from => Uses[from]
            .Where(to => cycle.Contains(to.Key))
            .Select(to => $"{from}→{to.Key} ({string.Join(' ', to.Value.Order(StringComparer.Ordinal))})")));

    private static string Readable(string file)
    {
        var text = File.ReadAllText(file);
        return file.EndsWith(".razor", StringComparison.Ordinal) ? MarkupComment().Replace(text, " ") : WithoutCommentsAndStrings(text);
    }

    /// <summary>Every group of folders that use each other, directly or through others (strongly connected, more than one folder).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles() => Cycles(Uses.ToDictionary(p => p.Key, p => (IEnumerable<string>)p.Value.Keys));

    /// <summary>Tarjan's strongly connected components of <paramref name="edges"/>, keeping those with two members or more.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Cycles(IReadOnlyDictionary<string, IEnumerable<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var found = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in edges.GetValueOrDefault(node, []))
            {
                if (!index.TryGetValue(next, out var visited))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], visited);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    found.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in edges.Keys.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return found;
    }

    /// <summary>The source with comments, string and character literals blanked (raw and verbatim strings included).</summary>
    internal static string WithoutCommentsAndStrings(string source) => Literal().Replace(source, m => m.Value.StartsWith('/') ? " " : "\"\"");

    [GeneratedRegex("""(?<q>"{3,})[\s\S]*?\k<q>|@"(?:[^"]|"")*"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)'|//[^\n]*|/\*[\s\S]*?\*/""")]
    private static partial Regex Literal();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(?<name>\w+)|\bdelegate\s+[\w<>?,\s\[\]]+?\s+(?<name>\w+)\s*[<(]")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"(?<![\w.])(?<folder>\w+)\.(?<type>\w+)")]
    private static partial Regex RelativeName();

    // Razor markup keeps its quoted attribute values (they hold C#: @inject types, parameters); only comments go.
    [GeneratedRegex(@"@\*[\s\S]*?\*@|<!--[\s\S]*?-->")]
    private static partial Regex MarkupComment();
}
