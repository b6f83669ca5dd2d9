#!/usr/bin/env python3
"""Code figures for the closing notes of issue 12: per project, the .cs/.razor files and their lines, the median and
largest file, and the folder dependency edges of the portal and the engine (with any cycles).

The folder graph follows the rules of ReviewerPortal.Tests/Architecture/FolderGraph.cs (the test is the authority):
comments and string literals blanked; a folder uses another when one of its files names `Root.Other…` (a using or
a qualified name) or `Other.Type` where Type is declared in Other. Unlike the test (which reads the engine, all .cs), the
script also reads .razor files (their `@* *@` comments blanked too), so an `@using` in a folder's `_Imports.razor` counts
as a use by that folder even where no component needs it: an approximation that can only over-count edges.
"""
import os
import re
import signal
import statistics
import sys

SKIP = {"bin", "obj", "node_modules", "wwwroot", "Properties"}
PRODUCTION = ["ReviewerPortal", "ReviewerPortal.Engine", "ReviewerPortal.StepFunctions"]
LITERAL = re.compile(r'@\*[\s\S]*?\*@|(?P<q>"{3,})[\s\S]*?(?P=q)|@"(?:[^"]|"")*"|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)\'|//[^\n]*|/\*[\s\S]*?\*/')
DECLARATION = re.compile(r'\b(?:class|record|struct|interface|enum)\s+(?P<a>\w+)|\bdelegate\s+[\w<>?,\s\[\]]+?\s+(?P<b>\w+)\s*[<(]')
RELATIVE = re.compile(r'(?<![\w.])(?P<folder>\w+)\.(?P<type>\w+)')


def source_files(folder, endings=(".cs", ".razor")):
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIP)
        for name in sorted(files):
            if name.endswith(endings):
                yield os.path.join(parent, name)


def line_count(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return sum(1 for _ in f)


def blank(text):
    return LITERAL.sub(lambda m: " " if m.group(0)[0] in "/@" else '""', text)


def folder_edges(project_folder, root_namespace):
    folders = sorted(d for d in os.listdir(project_folder) if os.path.isdir(os.path.join(project_folder, d)) and d not in SKIP)
    code = {f: [blank(open(p, encoding="utf-8").read()) for p in source_files(os.path.join(project_folder, f))] for f in folders}
    declared = {f: {m.group("a") or m.group("b") for text in texts for m in DECLARATION.finditer(text)} for f, texts in code.items()}
    qualified = re.compile(re.escape(root_namespace) + r"\.(?P<folder>\w+)")
    edges = {}
    for folder, texts in code.items():
        used = set()
        for text in texts:
            used.update(m.group("folder") for m in qualified.finditer(text))
            used.update(m.group("folder") for m in RELATIVE.finditer(text) if m.group("type") in declared.get(m.group("folder"), ()))
        edges[folder] = sorted(u for u in used if u != folder and u in code)
    return edges


def cycles(edges):
    """Tarjan's strongly connected components with two members or more."""
    index, low, stack, found = {}, {}, [], []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in edges.get(node, []):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in edges:
        if node not in index:
            visit(node)
    return found


def main(root):
    projects = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, d + ".csproj")))
    print("Projects (.cs and .razor; bin, obj and wwwroot left out)")
    print(f"{'project':32} {'files':>6} {'lines':>8} {'median':>7}  largest")
    production = []
    for project in projects:
        sizes = [(line_count(p), os.path.relpath(p, os.path.join(root, project))) for p in source_files(os.path.join(root, project))]
        if not sizes:
            continue
        if project in PRODUCTION:
            production.extend(n for n, _ in sizes)
        largest = max(sizes)
        print(f"{project:32} {len(sizes):>6} {sum(n for n, _ in sizes):>8,} {statistics.median(n for n, _ in sizes):>7g}  {largest[0]} ({largest[1]})")
    if production:
        print(f"{'production (portal, engine, client)':32} {len(production):>6} {sum(production):>8,} {statistics.median(production):>7g}  {max(production)}")

    for project in ["ReviewerPortal", "ReviewerPortal.Engine"]:
        edges = folder_edges(os.path.join(root, project), project)
        print()
        print(f"Folder dependencies of {project} (folder -> folders it uses)")
        for folder, used in edges.items():
            print(f"  {folder} -> {', '.join(used) if used else '(none)'}")
        found = cycles(edges)
        print("  cycles: " + ("; ".join("{" + ", ".join(c) + "}" for c in found) if found else "none"))


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
