namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// Resolves each parent operator <c>%</c> once the expression is parsed: walking back along the path it sits in (out
/// of predicates, constructors and operands), it finds the step whose context item is the parent, and marks that step
/// to bind the item under the slot's label while the path runs as a tuple stream. A <c>%</c> with no step to climb to
/// is a syntax error (S0217), as in JSONata.
/// </summary>
internal sealed class Ancestry
{
    private int labels;

    public static void Resolve(Node root)
    {
        var open = new Ancestry().Visit(root);
        if (open.Count > 0)
        {
            throw NotDerivable(root);
        }
    }

    private static JsonataException NotDerivable(Node node) =>
        new("S0217", "The object representing the 'parent' cannot be derived from this expression", node.Position);

    /// <summary>The slots under <paramref name="node"/> that still look for their parent above it.</summary>
    private List<ParentSlot> Visit(Node node)
    {
        var open = new List<ParentSlot>();
        switch (node.Kind)
        {
            case NodeKind.Parent:
                var slot = new ParentSlot("!" + labels++);
                node.Value = slot;
                open.Add(slot);
                break;
            case NodeKind.Path:
                VisitPath(node, open);
                break;
            case NodeKind.Sort:
                foreach (var (expression, _) in node.SortTerms)
                {
                    open.AddRange(Visit(expression));
                }

                break;
            case NodeKind.Object:
                foreach (var (key, value) in node.Pairs)
                {
                    open.AddRange(Visit(key));
                    open.AddRange(Visit(value));
                }

                break;
            case NodeKind.Lambda or NodeKind.Apply or NodeKind.Transform:
                // As in JSONata, a parent inside a function body, chain or transform is not looked for outside it
                // (it evaluates to undefined there).
                VisitDetached(node.Lhs);
                VisitDetached(node.Rhs);
                VisitDetached(node.Else);
                break;
            case NodeKind.Call:
                VisitDetached(node.Lhs);
                foreach (var argument in node.Items)
                {
                    open.AddRange(Visit(argument));
                }

                break;
            default:
                foreach (var child in new[] { node.Lhs, node.Rhs, node.Else })
                {
                    if (child is not null)
                    {
                        open.AddRange(Visit(child));
                    }
                }

                foreach (var item in node.Items)
                {
                    open.AddRange(Visit(item));
                }

                break;
        }

        if (node.Group is not null)
        {
            // As in JSONata, a grouping's pairs do not pass a parent request on to the path they group.
            foreach (var (key, value) in node.Group)
            {
                Visit(key);
                Visit(value);
            }
        }

        open.AddRange(VisitFilters(node, node.Predicates));
        return open.FindAll(s => s.Level > 0);
    }

    private void VisitDetached(Node? node)
    {
        if (node is not null)
        {
            Visit(node);
        }
    }

    /// <summary>A predicate's <c>%</c> is the parent of the item it filters: the context of the step it filters.</summary>
    private List<ParentSlot> VisitFilters(Node step, List<Node>? filters)
    {
        var open = new List<ParentSlot>();
        foreach (var filter in filters ?? [])
        {
            foreach (var slot in Visit(filter))
            {
                if (slot.Level == 1)
                {
                    SeekParent(step, slot);
                }
                else
                {
                    slot.Level--;
                }

                open.Add(slot);
            }
        }

        return open;
    }

    private void VisitPath(Node path, List<ParentSlot> open)
    {
        for (var i = 0; i < path.Items.Count; i++)
        {
            var step = path.Items[i];
            var seeking = Visit(step);
            seeking.AddRange(VisitFilters(step, step.Stages?.FindAll(s => s.Kind != NodeKind.IndexStage)));
            foreach (var slot in seeking.FindAll(s => s.Level > 0))
            {
                var index = i - 1;
                while (slot.Level > 0)
                {
                    if (index < 0)
                    {
                        open.Add(slot);
                        break;
                    }

                    var previous = path.Items[index--];

                    // Contiguous steps that only bind a focus variable keep the context: they count as one step.
                    while (index >= 0 && previous.Focus is not null && path.Items[index].Focus is not null)
                    {
                        previous = path.Items[index--];
                    }

                    SeekParent(previous, slot);
                }
            }
        }
    }

    private static void SeekParent(Node node, ParentSlot slot)
    {
        switch (node.Kind)
        {
            case NodeKind.Name or NodeKind.Wildcard:
                if (--slot.Level == 0)
                {
                    if (node.Ancestor is not null)
                    {
                        // Two parents resolved at the same step share its binding.
                        slot.Label = node.Ancestor.Label;
                    }

                    node.Ancestor = slot;
                    node.Tuple = true;
                }

                break;
            case NodeKind.Parent:
                slot.Level++;
                break;
            case NodeKind.Block when node.Items.Count > 0:
                node.Tuple = true;
                SeekParent(node.Items[^1], slot);
                break;
            case NodeKind.Block:
                break;
            case NodeKind.Path:
                node.Tuple = true;
                for (var index = node.Items.Count - 1; index >= 0 && slot.Level > 0; index--)
                {
                    SeekParent(node.Items[index], slot);
                }

                break;
            default:
                throw NotDerivable(node);
        }
    }
}
