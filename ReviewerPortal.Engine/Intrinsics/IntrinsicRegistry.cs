namespace ReviewerPortal.Engine.Intrinsics;

/// <summary>The 18 intrinsic functions of the JSONPath mode, by name.</summary>
internal static class IntrinsicRegistry
{
    private static readonly Dictionary<string, IntrinsicFunction> Functions = new IntrinsicFunction[]
    {
        new FormatFunction(), new StringToJsonFunction(), new JsonToStringFunction(), new ArrayFunction(),
        new ArrayPartitionFunction(), new ArrayContainsFunction(), new ArrayRangeFunction(), new ArrayGetItemFunction(),
        new ArrayLengthFunction(), new ArrayUniqueFunction(), new Base64EncodeFunction(), new Base64DecodeFunction(),
        new HashFunction(), new JsonMergeFunction(), new MathRandomFunction(), new MathAddFunction(),
        new StringSplitFunction(), new UuidFunction(),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Names => Functions.Keys;

    public static IntrinsicFunction? Find(string name) => Functions.GetValueOrDefault(name);
}
