namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>The characters a decimal format uses (XPath F&amp;O 4.7.1), from <c>$formatNumber</c>'s options.</summary>
internal sealed record DecimalSymbols(
    char Decimal, char Grouping, char Exponent, char Minus, char Percent, char PerMille, char Zero, char Digit, char Pattern)
{
    public static DecimalSymbols From(JMap? options)
    {
        char Pick(string name, char fallback) => options?[name] is string { Length: > 0 } s ? s[0] : fallback;
        return new DecimalSymbols(Pick("decimal-separator", '.'), Pick("grouping-separator", ','),
            Pick("exponent-separator", 'e'), Pick("minus-sign", '-'), Pick("percent", '%'), Pick("per-mille", '‰'),
            Pick("zero-digit", '0'), Pick("digit", '#'), Pick("pattern-separator", ';'));
    }

    public bool IsDecimalDigit(char c) => c >= Zero && c <= Zero + 9;

    /// <summary>A digit, '#', or a separator: what the mantissa and exponent are written with.</summary>
    public bool IsActive(char c) => IsDecimalDigit(c) || c == Decimal || c == Exponent || c == Grouping || c == Digit || c == Pattern;
}

/// <summary>
/// One half of a <c>$formatNumber</c> picture (the positive or the negative one), split into prefix, integer,
/// fraction, exponent and suffix, checked against the rules of F&amp;O 4.7.3 (errors D3081–D3093) and reduced to the
/// sizes and grouping positions the formatting needs (F&amp;O 4.7.4).
/// </summary>
internal sealed class NumberSubPicture
{
    private NumberSubPicture(string picture, string prefix, string suffix)
    {
        Picture = picture;
        Prefix = prefix;
        Suffix = suffix;
    }

    public string Picture { get; }

    public string Prefix { get; set; }

    public string Suffix { get; }

    public int MinimumInteger { get; private set; }

    /// <summary>How many digits the mantissa keeps before the point when an exponent is shown.</summary>
    public int ScalingFactor { get; private set; }

    public int MinimumFraction { get; private set; }

    public int MaximumFraction { get; private set; }

    /// <summary>Zero when the picture has no exponent.</summary>
    public int MinimumExponent { get; private set; }

    public bool HasExponent { get; private set; }

    public List<int> IntegerGroups { get; } = [];

    /// <summary>The repeating group size when the integer part's separators are evenly spaced; zero otherwise.</summary>
    public int RegularGroup { get; private set; }

    public List<int> FractionGroups { get; } = [];

    public NumberSubPicture Negated(char minus) => new NumberSubPicture(Picture, minus + Prefix, Suffix)
    {
        MinimumInteger = MinimumInteger, ScalingFactor = ScalingFactor, MinimumFraction = MinimumFraction,
        MaximumFraction = MaximumFraction, MinimumExponent = MinimumExponent, HasExponent = HasExponent,
        RegularGroup = RegularGroup,
    }.WithGroups(IntegerGroups, FractionGroups);

    private NumberSubPicture WithGroups(List<int> integerGroups, List<int> fractionGroups)
    {
        IntegerGroups.AddRange(integerGroups);
        FractionGroups.AddRange(fractionGroups);
        return this;
    }

    public static NumberSubPicture Analyse(string picture, DecimalSymbols symbols)
    {
        bool Mantissa(char c) => symbols.IsActive(c) && c != symbols.Exponent;
        var start = 0;
        while (start < picture.Length && !Mantissa(picture[start]))
        {
            start++;
        }

        var end = picture.Length;
        while (end > start && !Mantissa(picture[end - 1]))
        {
            end--;
        }

        if (start == picture.Length)
        {
            // No digit at all: the whole picture counts as the active part (and fails validation).
            (start, end) = (0, picture.Length);
        }

        var result = new NumberSubPicture(picture, picture[..start], picture[end..]);
        var active = picture[start..end];
        var exponentAt = active.IndexOf(symbols.Exponent, StringComparison.Ordinal);
        var mantissa = exponentAt < 0 ? active : active[..exponentAt];
        string? exponent = exponentAt < 0 ? null : active[(exponentAt + 1)..];
        var point = mantissa.IndexOf(symbols.Decimal, StringComparison.Ordinal);
        var integer = point < 0 ? mantissa : mantissa[..point];
        var fraction = point < 0 ? "" : mantissa[(point + 1)..];
        Validate(picture, symbols, active, mantissa, integer, fraction, exponent);
        result.Measure(symbols, integer, fraction, exponent);
        return result;
    }

    private static void Validate(string picture, DecimalSymbols s, string active, string mantissa, string integer, string fraction, string? exponent)
    {
        int Count(char c) => picture.Count(x => x == c);
        var point = picture.IndexOf(s.Decimal, StringComparison.Ordinal);
        // Where several rules are broken, JSONata reports the last one it checks: test in reverse order.
        var (code, text) = true switch
        {
            _ when exponent is not null && (exponent.Length == 0 || !exponent.All(s.IsDecimalDigit)) => ("D3093", "The exponent part of the sub-picture must comprise only of one or more characters that are members of the 'decimal digit family'"),
            _ when exponent is { Length: > 0 } && (Count(s.Percent) > 0 || Count(s.PerMille) > 0) => ("D3092", "A sub-picture that contains a 'percent' or 'per-mille' character must not contain a character treated as an 'exponent-separator'"),
            _ when fraction.LastIndexOf(s.Digit) is var f and >= 0 && fraction[f..].Any(s.IsDecimalDigit) => ("D3091", "The fractional part of the sub-picture must not contain an instance of the 'optional digit character' that is followed by a member of the 'decimal digit family'"),
            _ when integer.IndexOf(s.Digit, StringComparison.Ordinal) is var d and > 0 && integer[..d].Any(s.IsDecimalDigit) => ("D3090", "The integer part of the sub-picture must not contain a member of the 'decimal digit family' that is followed by an instance of the 'optional digit character'"),
            _ when picture.Contains(new string(s.Grouping, 2), StringComparison.Ordinal) => ("D3089", "The sub-picture must not contain two adjacent instances of the 'grouping-separator' character"),
            _ when point < 0 && integer.EndsWith(s.Grouping) => ("D3088", "The sub-picture must not contain a 'grouping-separator' at the end of the integer part"),
            _ when point >= 0 && ((point > 0 && picture[point - 1] == s.Grouping) || (point + 1 < picture.Length && picture[point + 1] == s.Grouping)) => ("D3087", "The sub-picture must not contain a 'grouping-separator' character that appears adjacent to a 'decimal-separator' character"),
            _ when !active.All(s.IsActive) => ("D3086", "The sub-picture must not contain a passive character that is preceded by an active character and that is followed by another active character"),
            _ when !mantissa.Any(c => s.IsDecimalDigit(c) || c == s.Digit) => ("D3085", "The mantissa part of a sub-picture must contain at least one character that is either an 'optional digit character' or a member of the 'decimal digit family'"),
            _ when Count(s.Percent) > 0 && Count(s.PerMille) > 0 => ("D3084", "The sub-picture must not contain both a 'percent' and a 'per-mille' character"),
            _ when Count(s.PerMille) > 1 => ("D3083", "The sub-picture must not contain more than one instance of the 'per-mille' character"),
            _ when Count(s.Percent) > 1 => ("D3082", "The sub-picture must not contain more than one instance of the 'percent' character"),
            _ when Count(s.Decimal) > 1 => ("D3081", "The sub-picture must not contain more than one instance of the 'decimal-separator' character"),
            _ => (null, null),
        };
        if (code is not null)
        {
            throw new JsonataException(code, text!);
        }
    }

    private void Measure(DecimalSymbols s, string integer, string fraction, string? exponent)
    {
        bool DigitSlot(char c) => s.IsDecimalDigit(c) || c == s.Digit;
        for (var i = 0; i < integer.Length; i++)
        {
            if (integer[i] == s.Grouping)
            {
                IntegerGroups.Add(integer[i..].Count(DigitSlot));
            }
        }

        for (var i = 0; i < fraction.Length; i++)
        {
            if (fraction[i] == s.Grouping)
            {
                FractionGroups.Add(fraction[..i].Count(DigitSlot));
            }
        }

        RegularGroup = Regular(IntegerGroups);
        MinimumInteger = integer.Count(s.IsDecimalDigit);
        ScalingFactor = MinimumInteger;
        MinimumFraction = fraction.Count(s.IsDecimalDigit);
        MaximumFraction = fraction.Count(DigitSlot);
        HasExponent = exponent is not null;
        if (MinimumInteger == 0 && MaximumFraction == 0)
        {
            if (HasExponent)
            {
                MinimumFraction = MaximumFraction = 1;
            }
            else
            {
                MinimumInteger = 1;
            }
        }

        if (HasExponent && MinimumInteger == 0 && integer.Contains(s.Digit, StringComparison.Ordinal))
        {
            MinimumInteger = 1;
        }

        if (MinimumInteger == 0 && MinimumFraction == 0)
        {
            MinimumFraction = 1;
        }

        MinimumExponent = exponent?.Count(s.IsDecimalDigit) ?? 0;
    }

    /// <summary>Evenly spaced separators (every multiple of their common divisor present) repeat leftwards.</summary>
    private static int Regular(List<int> positions)
    {
        if (positions.Count == 0)
        {
            return 0;
        }

        var factor = positions.Aggregate(Gcd);
        for (var k = 1; k <= positions.Count; k++)
        {
            if (!positions.Contains(k * factor))
            {
                return 0;
            }
        }

        return factor;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
