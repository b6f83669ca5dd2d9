namespace ReviewerPortal.Engine.Jsonata;

internal enum TokenKind
{
    Operator,
    Name,
    Variable,
    String,
    Number,
    Value,
    Regex,
    End,
}

/// <summary>One lexical token; <see cref="Text"/> is the operator or name, <see cref="Literal"/> a literal's value.</summary>
internal sealed record Token(TokenKind Kind, string Text, object? Literal, int Position);
