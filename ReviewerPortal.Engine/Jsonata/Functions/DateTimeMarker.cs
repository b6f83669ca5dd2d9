namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>How a component's name is written: <c>N</c> upper case, <c>n</c> lower case, <c>Nn</c> title case.</summary>
internal enum NameCase
{
    None,
    Upper,
    Lower,
    Title,
}

/// <summary>
/// One variable marker of a date/time picture (XPath F&amp;O 9.8.4), such as <c>[M01]</c>, <c>[FNn,3-3]</c> or
/// <c>[D1o]</c>: the component letter, its presentation (a digit pattern, a name case, letters, roman numerals or
/// words), the second modifier (<c>o</c> ordinal, <c>t</c> traditional) and the width range.
/// </summary>
internal sealed class DateTimeMarker
{
    /// <summary>Each component's presentation when the marker gives none, as JSONata defines them.</summary>
    private static readonly Dictionary<char, string> Defaults = new()
    {
        ['Y'] = "1", ['M'] = "1", ['D'] = "1", ['d'] = "1", ['F'] = "n", ['W'] = "1", ['w'] = "1", ['X'] = "1",
        ['x'] = "1", ['H'] = "1", ['h'] = "1", ['P'] = "n", ['m'] = "01", ['s'] = "01", ['f'] = "1", ['Z'] = "01:01",
        ['z'] = "01:01", ['C'] = "n", ['E'] = "n",
    };

    public char Component { get; private init; }

    public string Presentation { get; private init; } = "";

    public char? Modifier { get; private init; }

    public int? MinWidth { get; private init; }

    public int? MaxWidth { get; private init; }

    public NameCase Names { get; private init; }

    /// <summary>A decimal digit pattern (with <see cref="MinWidth"/> folded in), for the integer components.</summary>
    public string? IntegerPicture { get; private set; }

    /// <summary>A year shown with this many digits keeps only its last ones (<c>[Y01]</c> is 26); -1 keeps all.</summary>
    public int YearDigits { get; private init; } = -1;

    /// <summary>When another number follows with no literal between, parsing reads exactly this many digits.</summary>
    public int? ParseWidth { get; set; }

    public bool IsInteger => IntegerPicture is not null;

    public static DateTimeMarker Parse(string marker)
    {
        var component = marker[0];
        if (!Defaults.TryGetValue(component, out var fallback))
        {
            throw new JsonataException("D3132", $"Unknown component specifier \"{component}\" in date/time picture string");
        }

        var comma = marker.LastIndexOf(',');
        var presentation = comma < 0 ? marker[1..] : marker[1..comma];
        int? min = null, max = null;
        if (comma >= 0)
        {
            var width = marker[(comma + 1)..];
            var dash = width.IndexOf('-', StringComparison.Ordinal);
            min = Width(dash < 0 ? width : width[..dash]);
            max = dash < 0 ? null : Width(width[(dash + 1)..]);
        }

        char? modifier = null;
        if (presentation.Length > 1 && "atco".Contains(presentation[^1], StringComparison.Ordinal))
        {
            modifier = presentation[^1];
            presentation = presentation[..^1];
        }

        if (presentation.Length == 0)
        {
            presentation = fallback;
        }

        var names = presentation switch
        {
            ['n', ..] => NameCase.Lower,
            ['N', 'n', ..] => NameCase.Title,
            ['N', ..] => NameCase.Upper,
            _ => NameCase.None,
        };
        var result = new DateTimeMarker
        {
            Component = component, Presentation = presentation, Modifier = modifier, MinWidth = min, MaxWidth = max,
            Names = names, YearDigits = component == 'Y' && names == NameCase.None ? YearWidth(presentation, min, max) : -1,
        };
        if (names == NameCase.None && "YMDdFWwXxHhmsf".Contains(component, StringComparison.Ordinal))
        {
            result.IntegerPicture = result.NumberPicture();
        }

        return result;
    }

    private static int? Width(string text) =>
        text is "" or "*" ? null : int.TryParse(text, out var n) ? n : null;

    private static int YearWidth(string presentation, int? min, int? max)
    {
        if (max is not null)
        {
            return max.Value;
        }

        var digits = Math.Max(presentation.Count(c => char.IsDigit(c) || c == '#'), min ?? 0);
        return digits >= 2 ? digits : -1;
    }

    /// <summary>The <c>$formatInteger</c> picture this marker's number is written with.</summary>
    private string NumberPicture()
    {
        var picture = Presentation;
        var digits = picture.Count(char.IsDigit);
        if (digits > 0)
        {
            var wanted = Component == 'Y' && MaxWidth is not null ? MaxWidth.Value : Math.Max(digits, MinWidth ?? 0);
            picture = Component == 'Y' && MaxWidth is not null
                ? new string('0', wanted)
                : new string('0', wanted - digits) + picture;
        }

        return Modifier == 'o' ? picture + ";o" : picture;
    }
}
