namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// The built-in functions an expression can call, by name, each with its JSONata signature. A host (the ASL engine)
/// adds its own with <see cref="With"/>.
/// </summary>
internal sealed class FunctionLibrary
{
    private readonly Dictionary<string, NativeFunction> functions = new(StringComparer.Ordinal);
    private Environment? scope;

    public static FunctionLibrary Standard { get; } = CreateStandard();

    public IEnumerable<NativeFunction> All => functions.Values;

    /// <summary>
    /// A scope binding every function, built once and shared by all evaluations (they never write to it: bindings go to
    /// each evaluation's own scope below it).
    /// </summary>
    public Environment Scope => scope ??= CreateScope();

    private Environment CreateScope()
    {
        var environment = new Environment(null);
        foreach (var (name, function) in functions)
        {
            environment.Bind(name, function);
        }

        return environment;
    }

    public void Add(string name, string signature, Func<Evaluator, object?[], object?> body) =>
        functions[name] = new NativeFunction(name, signature, body);

    public void Remove(string name) => functions.Remove(name);

    /// <summary>A copy of this library with more (or replaced) functions.</summary>
    public FunctionLibrary With(Action<FunctionLibrary> register)
    {
        var copy = new FunctionLibrary();
        foreach (var (name, function) in functions)
        {
            copy.functions[name] = function;
        }

        register(copy);
        return copy;
    }

    private static FunctionLibrary CreateStandard()
    {
        var library = new FunctionLibrary();
        StringFunctions.Register(library);
        TextEncodingFunctions.Register(library);
        NumericFunctions.Register(library);
        ArrayFunctions.Register(library);
        ObjectFunctions.Register(library);
        DateTimeFunctions.Register(library);
        HigherOrderFunctions.Register(library);
        return library;
    }
}
