using System.Text.RegularExpressions;

namespace ReviewerPortal.Tests.Architecture;

/// <summary>
/// Which top-level folders of a project use which others, read from the source: a <c>using</c> or a qualified name of
/// the folder's namespace (<c>RootNamespace.Folder…</c>), or a name relative to the root (<c>Folder.Type</c>) where the
/// type is declared in that folder. Comments and string literals are left out, so prose never counts as a use.
/// </summary>
public sealed partial class FolderGraph
{
    private FolderGraph(IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> uses) => Uses = uses;

    /// <summary>Folder → folders it uses → the files (relative paths) that use them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>> Uses { get; }

    public static FolderGraph Read(string projectFolder, string rootNamespace)
    {
        var folders = Directory.GetDirectories(projectFolder).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("bin" or "obj")).ToList();
        var code = folders.ToDictionary(
            folder => folder,
            folder => Directory.EnumerateFiles(Path.Combine(projectFolder, folder), "*.cs", SearchOption.AllDirectories)
                .ToDictionary(file => Path.GetRelativePath(projectFolder, file), file => WithoutCommentsAndStrings(File.ReadAllText(file))));
        var declared = code.ToDictionary(
            pair => pair.Key,
            pair => pair.Value.Values.SelectMany(text => Declaration().Matches(text).Select(m => m.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal));
        var qualified = new Regex(Regex.Escape(rootNamespace) + @"\.(?<folder>\w+)");

        var uses = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlySet<string>>>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            var used = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (file, text) in code[folder])
            {
                var named = qualified.Matches(text).Select(m => m.Groups["folder"].Value)
                    .Concat(RelativeName().Matches(text).Where(m => declared.TryGetValue(m.Groups["folder"].Value, out var types) && types.Contains(m.Groups["type"].Value))
                        .Select(m => m.Groups["folder"].Value));
                foreach (var other in named.Where(other => other != folder && code.ContainsKey(other)))
                {
                    (used.TryGetValue(other, out var files) ? files : used[other] = new HashSet<string>(StringComparer.Ordinal)).Add(file);
                }
            }

            uses[folder] = used.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal);
        }

        return new FolderGraph(uses);
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
}
