using System.Globalization;
using System.Text;

namespace ReviewerPortal.Engine.Jsonata.Functions;

/// <summary>
/// <c>$formatNumber</c>'s decimal-format pictures (XPath F&amp;O 4.7): a positive and an optional negative sub-picture,
/// prefix and suffix, regular or irregular grouping in the integer and fraction parts, mandatory and optional digits,
/// % and ‰, exponents (<c>0.00e0</c>) and the decimal-format options (separators, minus sign, zero digit, ...).
/// Where JSONata's reference implementation differs from the letter of F&amp;O it follows JSONata, as AWS runs it: a
/// mantissa that rounds up to the next power of ten is not renormalised (9.999 with <c>0.00e0</c> is <c>10.00e0</c>).
/// </summary>
internal static class NumberPicture
{
    public static string Format(double value, string picture, JMap? options)
    {
        var symbols = DecimalSymbols.From(options);
        var halves = picture.Split(symbols.Pattern);
        if (halves.Length > 2)
        {
            throw new JsonataException("D3080", "The picture string must only contain a maximum of two sub-pictures");
        }

        var positive = NumberSubPicture.Analyse(halves[0], symbols);
        var negative = halves.Length == 2 ? NumberSubPicture.Analyse(halves[1], symbols) : positive.Negated(symbols.Minus);
        var sub = value >= 0 ? positive : negative;
        if (sub.Picture.Contains(symbols.Percent, StringComparison.Ordinal))
        {
            value *= 100;
        }
        else if (sub.Picture.Contains(symbols.PerMille, StringComparison.Ordinal))
        {
            value *= 1000;
        }

        var (mantissa, exponent) = sub.HasExponent ? Scale(value, sub.ScalingFactor) : (value, 0);
        var digits = Digits(mantissa, sub);
        var number = Group(digits.Integer, digits.Fraction, sub, symbols);
        if (sub.HasExponent)
        {
            var power = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(sub.MinimumExponent, '0');
            number += symbols.Exponent + (exponent < 0 ? symbols.Minus.ToString() : "") + power;
        }

        return sub.Prefix + ToZeroDigit(number, symbols) + sub.Suffix;
    }

    /// <summary>Mantissa and exponent with the mantissa between 10^(scale-1) and 10^scale (zero stays zero).</summary>
    private static (double Mantissa, int Exponent) Scale(double value, int scale)
    {
        var exponent = 0;
        if (value == 0)
        {
            return (0, 0);
        }

        var lower = Math.Pow(10, scale - 1);
        var upper = Math.Pow(10, scale);
        while (Math.Abs(value) < lower)
        {
            value *= 10;
            exponent--;
        }

        while (Math.Abs(value) > upper)
        {
            value /= 10;
            exponent++;
        }

        return (value, exponent);
    }

    /// <summary>The rounded absolute value's integer and fraction digits, padded and trimmed to the picture's sizes.</summary>
    private static (string Integer, string Fraction) Digits(double value, NumberSubPicture sub)
    {
        var magnitude = Math.Abs(value);
        var text = magnitude < 1e27
            ? Math.Round((decimal)magnitude, sub.MaximumFraction, MidpointRounding.ToEven).ToString("F" + sub.MaximumFraction, CultureInfo.InvariantCulture)
            : magnitude.ToString("F0", CultureInfo.InvariantCulture);
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integer = (dot < 0 ? text : text[..dot]).TrimStart('0');
        var fraction = dot < 0 ? "" : text[(dot + 1)..].TrimEnd('0');
        return (integer.PadLeft(sub.MinimumInteger, '0'), fraction.PadRight(sub.MinimumFraction, '0'));
    }

    private static string Group(string integer, string fraction, NumberSubPicture sub, DecimalSymbols symbols)
    {
        var result = new StringBuilder();
        for (var i = 0; i < integer.Length; i++)
        {
            var fromRight = integer.Length - i;
            if (i > 0 && (sub.RegularGroup > 0 ? fromRight % sub.RegularGroup == 0 : sub.IntegerGroups.Contains(fromRight)))
            {
                result.Append(symbols.Grouping);
            }

            result.Append(integer[i]);
        }

        if (fraction.Length > 0 && sub.Picture.Contains(symbols.Decimal, StringComparison.Ordinal))
        {
            result.Append(symbols.Decimal);
            for (var i = 0; i < fraction.Length; i++)
            {
                result.Append(fraction[i]);
                if (sub.FractionGroups.Contains(i + 1))
                {
                    result.Append(symbols.Grouping);
                }
            }
        }

        return result.ToString();
    }

    private static string ToZeroDigit(string number, DecimalSymbols symbols)
    {
        if (symbols.Zero == '0')
        {
            return number;
        }

        var mapped = new StringBuilder(number.Length);
        foreach (var c in number)
        {
            mapped.Append(c is >= '0' and <= '9' ? (char)(symbols.Zero + (c - '0')) : c);
        }

        return mapped.ToString();
    }
}
