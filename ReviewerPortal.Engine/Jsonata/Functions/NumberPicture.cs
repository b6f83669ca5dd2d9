using System.Globalization;
using System.Text;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// <c>$formatNumber</c>'s decimal-format pictures (XPath F&amp;O 4.7) for the common cases: a prefix and suffix, grouping
/// separators, mandatory (0) and optional (#) digits, a fraction part, and % or ‰. Exponent pictures are refused.
/// </summary>
internal static class NumberPicture
{
    public static string Format(double value, string picture, JMap? options)
    {
        var decimalSeparator = options?["decimal-separator"] as string ?? ".";
        var groupSeparator = options?["grouping-separator"] as string ?? ",";
        var first = picture.IndexOfAny(['0', '#', decimalSeparator[0]]);
        var last = picture.LastIndexOfAny(['0', '#', decimalSeparator[0]]);
        if (first < 0 || picture.Contains('e', StringComparison.Ordinal))
        {
            throw new JsonataException("D3080", $"The picture string \"{picture}\" is not supported by $formatNumber");
        }

        var prefix = picture[..first];
        var suffix = picture[(last + 1)..];
        var body = picture[first..(last + 1)];
        if ((prefix + suffix).Contains('%', StringComparison.Ordinal))
        {
            value *= 100;
        }
        else if ((prefix + suffix).Contains('‰', StringComparison.Ordinal))
        {
            value *= 1000;
        }

        var point = body.IndexOf(decimalSeparator, StringComparison.Ordinal);
        var integerPart = point < 0 ? body : body[..point];
        var fractionPart = point < 0 ? "" : body[(point + decimalSeparator.Length)..];
        var minFraction = fractionPart.Count(c => c == '0');
        var maxFraction = fractionPart.Count(c => c is '0' or '#');
        var minInteger = integerPart.Count(c => c == '0');
        var lastGroup = integerPart.LastIndexOf(groupSeparator, StringComparison.Ordinal);
        var groupSize = lastGroup < 0 ? 0 : integerPart.Length - lastGroup - groupSeparator.Length;

        var rounded = Math.Round((decimal)Math.Abs(value), maxFraction, MidpointRounding.ToEven);
        var text = rounded.ToString("F" + maxFraction, CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..].TrimEnd('0');
        fraction = fraction.PadRight(minFraction, '0');
        digits = digits.TrimStart('0').PadLeft(Math.Max(minInteger, 0), '0');
        if (digits.Length == 0 && fraction.Length == 0)
        {
            digits = "0";
        }

        var grouped = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (groupSize > 0 && i > 0 && (digits.Length - i) % groupSize == 0)
            {
                grouped.Append(groupSeparator);
            }

            grouped.Append(digits[i]);
        }

        var number = fraction.Length > 0 ? grouped + decimalSeparator + fraction : grouped.ToString();
        return (value < 0 && rounded != 0 ? "-" : "") + prefix + number + suffix;
    }
}
