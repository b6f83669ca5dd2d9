namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// A Pratt (top-down operator precedence) parser for JSONata, with the binding powers of JSONata's grammar. It builds
/// the tree the evaluator walks: paths as lists of steps, predicates on steps, groupings and order-by steps.
/// </summary>
internal sealed partial class Parser
{
    private static readonly Dictionary<string, int> BindingPowers = new(StringComparer.Ordinal)
    {
        ["."] = 75, ["["] = 80, ["]"] = 0, ["{"] = 70, ["}"] = 0, ["("] = 80, [")"] = 0, [","] = 0, ["@"] = 80,
        ["#"] = 80, [";"] = 0, [":"] = 0, ["?"] = 20, ["+"] = 50, ["-"] = 50, ["*"] = 60, ["/"] = 60, ["%"] = 60,
        ["|"] = 0, ["="] = 40, ["<"] = 40, [">"] = 40, ["^"] = 40, ["**"] = 60, [".."] = 20, [":="] = 10,
        ["!="] = 40, ["<="] = 40, [">="] = 40, ["~>"] = 40, ["?:"] = 40, ["??"] = 40, ["and"] = 30, ["or"] = 25,
        ["in"] = 40, ["&"] = 50,
    };

    private readonly string source;
    private readonly Tokenizer tokenizer;
    private Token current;

    private Parser(string source)
    {
        this.source = source;
        tokenizer = new Tokenizer(source);
        current = tokenizer.Next(regexAllowed: true);
    }

    public static Node Parse(string source)
    {
        var parser = new Parser(source);
        var root = parser.Expression(0);
        if (parser.current.Kind != TokenKind.End)
        {
            throw new JsonataException("S0201", $"Syntax error: \"{parser.current.Text}\"", parser.current.Position);
        }

        Ancestry.Resolve(root);
        return root;
    }

    private static int LeftBindingPower(Token token) =>
        token.Kind == TokenKind.Operator && BindingPowers.TryGetValue(token.Text, out var bp) ? bp : 0;

    private void Advance(string? expected = null)
    {
        if (expected is not null && !IsOperator(expected))
        {
            throw current.Kind == TokenKind.End
                ? new JsonataException("S0203", $"Expected \"{expected}\" before end of expression", current.Position)
                : new JsonataException("S0202", $"Expected \"{expected}\", got \"{current.Text}\"", current.Position);
        }

        // After an operand a '/' divides; after an operator it opens a regular expression.
        var previous = current;
        var regexAllowed = !(previous.Kind is TokenKind.Name or TokenKind.Variable or TokenKind.String
            or TokenKind.Number or TokenKind.Value or TokenKind.Regex
            || previous.Kind == TokenKind.Operator && previous.Text is ")" or "]" or "}");
        current = tokenizer.Next(regexAllowed);
    }

    private bool IsOperator(string text) => current.Kind == TokenKind.Operator && current.Text == text;

    private Node Expression(int rightBindingPower)
    {
        var token = current;
        Advance();
        var left = Prefix(token);
        while (rightBindingPower < LeftBindingPower(current))
        {
            token = current;
            Advance();
            left = Infix(token, left);
        }

        return left;
    }

    private Node Prefix(Token token)
    {
        switch (token.Kind)
        {
            case TokenKind.Name when token.Text is "function" && IsOperator("("):
                return Lambda(token);
            case TokenKind.Name:
                return AsPath(new Node(NodeKind.Name, token.Position) { Value = token.Text });
            case TokenKind.Variable:
                return new Node(NodeKind.Variable, token.Position) { Value = token.Text };
            case TokenKind.String:
                return new Node(NodeKind.String, token.Position) { Value = token.Literal };
            case TokenKind.Number:
                return new Node(NodeKind.Number, token.Position) { Value = token.Literal };
            case TokenKind.Value:
                return new Node(NodeKind.Value, token.Position) { Value = token.Literal };
            case TokenKind.Regex:
                return new Node(NodeKind.Regex, token.Position) { Value = token.Literal };
            case TokenKind.End:
                throw new JsonataException("S0207", "Unexpected end of expression", token.Position);
        }

        return token.Text switch
        {
            "λ" => Lambda(token),
            "-" => Negate(token),
            "*" => new Node(NodeKind.Wildcard, token.Position),
            "**" => new Node(NodeKind.Descendant, token.Position),
            "%" => new Node(NodeKind.Parent, token.Position),
            "?" => new Node(NodeKind.Placeholder, token.Position),
            "(" => Block(token),
            "[" => ArrayConstructor(token),
            "{" => ObjectConstructor(token, new Node(NodeKind.Object, token.Position)),
            "|" => Transform(token),
            _ => throw new JsonataException("S0211", $"The symbol \"{token.Text}\" cannot be used as a unary operator", token.Position),
        };
    }

    private Node Negate(Token token)
    {
        var operand = Expression(70);
        if (operand.Kind == NodeKind.Number)
        {
            operand.Value = -(double)operand.Value!;
            return operand;
        }

        return new Node(NodeKind.Negate, token.Position) { Lhs = operand };
    }

    private Node Block(Token token)
    {
        var block = new Node(NodeKind.Block, token.Position);
        Delimited(";", ")", () => block.Items.Add(Expression(0)));
        return block;
    }

    private Node ArrayConstructor(Token token)
    {
        var array = new Node(NodeKind.Array, token.Position);
        Delimited(",", "]", () =>
        {
            var item = Expression(0);
            if (IsOperator(".."))
            {
                var range = current;
                Advance("..");
                item = new Node(NodeKind.Binary, range.Position) { Value = "..", Lhs = item, Rhs = Expression(0) };
            }

            array.Items.Add(item);
        });
        return array;
    }

    private Node ObjectConstructor(Token token, Node target)
    {
        var pairs = new List<(Node, Node)>();
        Delimited(",", "}", () =>
        {
            var key = Expression(0);
            Advance(":");
            pairs.Add((key, Expression(0)));
        });
        if (target.Kind == NodeKind.Object)
        {
            target.Pairs.AddRange(pairs);
            return target;
        }

        if (target.Group is not null)
        {
            throw new JsonataException("S0210", "Each step can only have one grouping expression", token.Position);
        }

        target.Group = pairs;
        return target;
    }

    private Node Lambda(Token token)
    {
        var start = token.Position;
        Advance("(");
        var lambda = new Node(NodeKind.Lambda, token.Position);
        Delimited(",", ")", () =>
        {
            if (current.Kind != TokenKind.Variable)
            {
                throw new JsonataException("S0208", $"Parameter \"{current.Text}\" of function definition must be a variable name (start with $)", current.Position);
            }

            lambda.Parameters.Add(current.Text);
            Advance();
        });
        if (IsOperator("<"))
        {
            lambda.Signature = Signature.Parse(ReadSignatureText());
        }

        Advance("{");
        lambda.Rhs = Expression(0);
        var end = current.Position;
        Advance("}");
        lambda.Source = source[start..Math.Min(source.Length, end + 1)];
        return lambda;
    }

    /// <summary>Reads items separated by <paramref name="separator"/> up to <paramref name="close"/>, which it consumes.</summary>
    private void Delimited(string separator, string close, Action readItem)
    {
        while (!IsOperator(close))
        {
            readItem();
            if (!IsOperator(separator))
            {
                break;
            }

            Advance(separator);
        }

        Advance(close);
    }

    /// <summary>A signature like <c>&lt;n-n:n&gt;</c> is read as raw text: its symbols are not expression tokens.</summary>
    private string ReadSignatureText()
    {
        var start = current.Position;
        var depth = 0;
        var i = start;
        for (; i < source.Length; i++)
        {
            if (source[i] == '<')
            {
                depth++;
            }
            else if (source[i] == '>' && --depth == 0)
            {
                break;
            }
        }

        if (i >= source.Length)
        {
            throw new JsonataException("S0401", "Unterminated function signature", start);
        }

        var text = source[(start + 1)..i];
        while (current.Kind != TokenKind.End && current.Position <= i)
        {
            current = tokenizer.Next(regexAllowed: false);
        }

        return text;
    }
}
