namespace ReviewerPortal.Engine.Jsonata;

/// <summary>The infix half of the parser: operators, paths, predicates, calls, conditions and bindings.</summary>
internal sealed partial class Parser
{
    private Node Infix(Token token, Node left)
    {
        var bp = BindingPowers[token.Text];
        switch (token.Text)
        {
            case ".":
                return PathStep(left, Expression(bp));
            case "[":
                return Predicate(left, token);
            case "{":
                return ObjectConstructor(token, left);
            case "(":
                return Call(left, token);
            case "^":
                return OrderBy(left, token);
            case "?":
                return Condition(left, token);
            case ":=":
                if (left.Kind != NodeKind.Variable)
                {
                    throw new JsonataException("S0212", "The left side of := must be a variable name (start with $)", left.Position);
                }

                return new Node(NodeKind.Bind, token.Position) { Lhs = left, Rhs = Expression(bp - 1) };
            case "~>":
                return new Node(NodeKind.Apply, token.Position) { Lhs = left, Rhs = Expression(bp) };
            case "@" or "#":
                return Binding(left, token);
            case "|" or ")" or "]" or "}" or "," or ";" or ":":
                throw new JsonataException("S0201", $"Syntax error: \"{token.Text}\"", token.Position);
            default:
                return new Node(NodeKind.Binary, token.Position) { Value = token.Text, Lhs = left, Rhs = Expression(bp) };
        }
    }

    /// <summary><c>step@$v</c> binds each result to $v keeping the context; <c>step#$i</c> binds its position.</summary>
    private Node Binding(Node left, Token token)
    {
        var variable = Expression(BindingPowers[token.Text]);
        if (variable.Kind != NodeKind.Variable)
        {
            throw new JsonataException("S0214", $"The right side of \"{token.Text}\" must be a variable name (start with $)", variable.Position);
        }

        var path = AsPath(left);
        var step = path.Items[^1];
        var name = (string)variable.Value!;
        if (token.Text == "@")
        {
            if (step.Stages is not null)
            {
                throw new JsonataException("S0215", "A context variable binding must precede any predicates on a step", token.Position);
            }

            if (step.Kind == NodeKind.Sort)
            {
                throw new JsonataException("S0216", "A context variable binding must precede the 'order-by' clause on a step", token.Position);
            }

            step.Focus = name;
        }
        else if (step.Stages is null)
        {
            step.Index = name;
        }
        else
        {
            // After predicates, the position is counted among the items the predicates kept.
            step.Stages.Add(new Node(NodeKind.IndexStage, token.Position) { Value = name });
        }

        step.Tuple = true;
        return path;
    }

    private static Node AsPath(Node step)
    {
        if (step.Kind == NodeKind.Path)
        {
            return step;
        }

        var path = new Node(NodeKind.Path, step.Position);
        MoveToStep(step);
        path.Items.Add(step);
        return path;
    }

    /// <summary>A predicate written on a node becomes a per-item stage once the node is a step of a path.</summary>
    private static void MoveToStep(Node step)
    {
        if (step.Predicates is not null)
        {
            (step.Stages ??= []).AddRange(step.Predicates);
            step.Predicates = null;
        }
    }

    private static Node PathStep(Node left, Node right)
    {
        var path = left.Kind == NodeKind.Path ? left : AsPath(left);
        if (right.Kind == NodeKind.Path && right.Group is null)
        {
            path.Items.AddRange(right.Items);
        }
        else
        {
            MoveToStep(right);
            path.Items.Add(right);
        }

        foreach (var step in path.Items)
        {
            if (step.Kind is NodeKind.Number or NodeKind.Value)
            {
                throw new JsonataException("S0213", $"The literal value {Functions.Strings.Stringify(step.Value)} cannot be used as a step within a path expression", step.Position);
            }

            if (step.Kind == NodeKind.String)
            {
                step.Kind = NodeKind.Name;
            }

            path.KeepSingletonArray |= step.KeepArray;
        }

        if (path.Items[0].Kind == NodeKind.Array)
        {
            path.Items[0].ConsArray = true;
        }

        if (path.Items[^1].Kind == NodeKind.Array)
        {
            path.Items[^1].ConsArray = true;
        }

        return path;
    }

    private Node Predicate(Node left, Token token)
    {
        if (IsOperator("]"))
        {
            // expr[] keeps a singleton sequence as an array.
            Advance("]");
            var target = left.Kind == NodeKind.Path ? left.Items[^1] : left;
            target.KeepArray = true;
            if (left.Kind == NodeKind.Path)
            {
                left.KeepSingletonArray = true;
            }

            return left;
        }

        var predicate = Expression(0);
        Advance("]");
        var step = left.Kind == NodeKind.Path ? left.Items[^1] : left;
        if (step.Group is not null)
        {
            throw new JsonataException("S0209", "A predicate cannot follow a grouping expression in a step", token.Position);
        }

        if (left.Kind == NodeKind.Path)
        {
            (step.Stages ??= []).Add(predicate);
        }
        else
        {
            (step.Predicates ??= []).Add(predicate);
        }

        return left;
    }

    private Node Call(Node procedure, Token token)
    {
        var call = new Node(NodeKind.Call, token.Position) { Lhs = procedure };
        Delimited(",", ")", () => call.Items.Add(Expression(0)));
        return call;
    }

    private Node OrderBy(Node left, Token token)
    {
        var path = AsPath(left);
        var sort = new Node(NodeKind.Sort, token.Position);
        Advance("(");
        while (true)
        {
            var descending = false;
            if (IsOperator("<"))
            {
                Advance("<");
            }
            else if (IsOperator(">"))
            {
                descending = true;
                Advance(">");
            }

            sort.SortTerms.Add((Expression(0), descending));
            if (!IsOperator(","))
            {
                break;
            }

            Advance(",");
        }

        Advance(")");
        path.Items.Add(sort);
        return path;
    }

    private Node Condition(Node left, Token token)
    {
        var condition = new Node(NodeKind.Condition, token.Position) { Lhs = left, Rhs = Expression(0) };
        if (IsOperator(":"))
        {
            Advance(":");
            condition.Else = Expression(0);
        }

        return condition;
    }

    /// <summary><c>| location | update [, delete] |</c>: a function that copies its input and updates the matches.</summary>
    private Node Transform(Token token)
    {
        var transform = new Node(NodeKind.Transform, token.Position) { Lhs = Expression(0) };
        Advance("|");
        transform.Rhs = Expression(0);
        if (IsOperator(","))
        {
            Advance(",");
            transform.Else = Expression(0);
        }

        Advance("|");
        return transform;
    }
}
