namespace ReviewerPortal.Engine.Jsonata;

/// <summary>
/// A JSONata error: the code JSONata's reference implementation uses (S0xxx syntax, T0xxx/T1xxx/T2xxx type,
/// D1xxx/D2xxx/D3xxx dynamic, U1xxx resource limits) and its message; <see cref="Exception.Message"/> is "CODE: text",
/// the form AWS reports in a cause.
/// </summary>
internal sealed class JsonataException : Exception
{
    public JsonataException(string code, string text, int position = -1)
        : base($"{code}: {text}")
    {
        Code = code;
        Text = text;
        Position = position;
    }

    public JsonataException()
        : this("U1000", "Unknown JSONata error.")
    {
    }

    public JsonataException(string message)
        : this("U1000", message)
    {
    }

    public JsonataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "U1000";
        Text = message;
        Position = -1;
    }

    public string Code { get; }

    public string Text { get; }

    /// <summary>Character offset in the expression where a syntax error was found; -1 when not known.</summary>
    public int Position { get; }
}
