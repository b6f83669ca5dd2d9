namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>JSONata's object, boolean and type functions, and <c>$error</c>/<c>$assert</c>.</summary>
internal static class ObjectFunctions
{
    public static void Register(FunctionLibrary library)
    {
        library.Add("keys", "<x-:a<s>>", (_, a) => Keys(a[0]));
        library.Add("lookup", "<x-s:x>", (_, a) => Evaluator.Lookup(a[0], (string)a[1]!) is JList { IsSequence: true } s
            ? (s.Count == 0 ? null : s.Count == 1 ? s[0] : s)
            : Evaluator.Lookup(a[0], (string)a[1]!));
        library.Add("spread", "<x-:a<o>>", (_, a) => Spread(a[0]));
        library.Add("merge", "<a<o>:o>", (_, a) => a[0] is JList list ? Merge(list) : null);
        library.Add("type", "<x:s>", (_, a) => a[0] is null ? null : JsonataValues.TypeName(a[0]));
        library.Add("boolean", "<x-:b>", (_, a) => JsonataValues.Boolean(a[0]));
        library.Add("not", "<x-:b>", (_, a) => a[0] is null ? null : !JsonataValues.Truthy(a[0]));
        library.Add("exists", "<x:b>", (_, a) => a[0] is not null);
        library.Add("error", "<s?:x>", (_, a) => throw new JsonataException("D3137", a[0] as string ?? "$error() function evaluated"));
        library.Add("assert", "<bs?:x>", (_, a) => a[0] is true
            ? null
            : throw new JsonataException("D3141", a[1] as string ?? "$assert() statement failed"));
    }

    private static JList? Keys(object? value)
    {
        var keys = new JList { IsSequence = true };
        foreach (var item in JsonataValues.AsArray(value))
        {
            if (item is JMap map)
            {
                foreach (var key in map.Keys.Where(k => !keys.Contains(k)))
                {
                    keys.Add(key);
                }
            }
        }

        return keys.Count == 0 ? null : keys;
    }

    private static object? Spread(object? value)
    {
        if (value is JList list)
        {
            var all = new JList { IsSequence = true };
            foreach (var item in list)
            {
                if (Spread(item) is JList inner)
                {
                    all.AddRange(inner);
                }
            }

            return all;
        }

        if (value is not JMap map)
        {
            return value;
        }

        var result = new JList { IsSequence = true };
        foreach (var (key, item) in map)
        {
            result.Add(new JMap { [key] = item });
        }

        return result;
    }

    private static JMap Merge(JList maps)
    {
        var result = new JMap();
        foreach (var map in maps.OfType<JMap>())
        {
            foreach (var (key, value) in map)
            {
                result[key] = value;
            }
        }

        return result;
    }
}
