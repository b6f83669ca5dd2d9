namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>
/// <c>$formatNumber</c> pictures: exponents, regular and irregular grouping, negative sub-pictures, percent and
/// per-mille, decimal-format options, and the picture errors. Expected values were checked against the reference
/// implementation (including its unnormalised mantissa when rounding reaches the next power of ten).
/// </summary>
public sealed class JsonataNumberPictureTests
{
    [Theory]
    [InlineData("$formatNumber(1234.5678, '0.00e0')", "\"1.23e3\"")]
    [InlineData("$formatNumber(1234.5678, '00.000e0')", "\"12.346e2\"")]
    [InlineData("$formatNumber(1234.5678, '#.00e00')", "\"0.12e04\"")]
    [InlineData("$formatNumber(0.000123, '0.0e0')", "\"1.2e-4\"")]
    [InlineData("$formatNumber(-1234.5678, '0.00e0')", "\"-1.23e3\"")]
    [InlineData("$formatNumber(1234.5678, '.00e0')", "\".12e4\"")]
    [InlineData("$formatNumber(1234.5678, '0e0')", "\"1e3\"")]
    [InlineData("$formatNumber(0, '0.00e0')", "\"0.00e0\"")]
    [InlineData("$formatNumber(9.999, '0.00e0')", "\"10.00e0\"")]
    [InlineData("$formatNumber(1000, '0.0e0')", "\"10.0e2\"")]
    [InlineData("$formatNumber(0.000001234, '#0.00e0')", "\"1.23e-6\"")]
    [InlineData("$formatNumber(1234.5678, '0.00E0', {'exponent-separator': 'E'})", "\"1.23E3\"")]
    [InlineData("$formatNumber(1234.5678, '0.00e0 units')", "\"1.23e3 units\"")]
    [InlineData("$formatNumber(6.02e23, '0.000e00')", "\"6.020e23\"")]
    [InlineData("$formatNumber(1234567890, '#,##,##0')", "\"12345,67,890\"")]
    [InlineData("$formatNumber(1234567890, '#,###,##0')", "\"1,234,567,890\"")]
    [InlineData("$formatNumber(12345.6, '#,##0.##')", "\"12,345.6\"")]
    [InlineData("$formatNumber(1e20, '#,##0')", "\"100,000,000,000,000,000,000\"")]
    [InlineData("$formatNumber(0.5, '#')", "\"0\"")]
    [InlineData("$formatNumber(0, '.##')", "\".0\"")]
    [InlineData("$formatNumber(0.125, '0.00')", "\"0.12\"")]
    [InlineData("$formatNumber(-0.001, '0.00')", "\"-0.00\"")]
    [InlineData("$formatNumber(-3, '0;(0)')", "\"(3)\"")]
    [InlineData("$formatNumber(-3.5, '#,##0.00;[#,##0.00]')", "\"[3.50]\"")]
    [InlineData("$formatNumber(0.025, '0.0‰')", "\"25.0‰\"")]
    [InlineData("$formatNumber(1234.5, '#.##0,00', {'decimal-separator': ',', 'grouping-separator': '.'})", "\"1.234,50\"")]
    [InlineData("$formatNumber(12, '٠٠٠', {'zero-digit': '٠'})", "\"٠١٢\"")]
    [InlineData("$formatNumber(-1234.5, '0.0', {'minus-sign': '~'})", "\"~1234.5\"")]
    [InlineData("$formatNumber(5, '£#0.00 net')", "\"£5.00 net\"")]
    [InlineData("$formatNumber(-42, '0', {'pattern-separator': '|'})", "\"-42\"")]
    public void A_number_is_formatted_as_the_picture_says(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("$formatNumber(1, '0;0;0')", "D3080")]
    [InlineData("$formatNumber(1, '0..0')", "D3081")]
    [InlineData("$formatNumber(1, '0%%')", "D3082")]
    [InlineData("$formatNumber(1, '0‰‰')", "D3083")]
    [InlineData("$formatNumber(1, '0%‰')", "D3084")]
    [InlineData("$formatNumber(1, 'abc')", "D3086")]
    [InlineData("$formatNumber(1, '0a0')", "D3086")]
    [InlineData("$formatNumber(1, '0,.0')", "D3087")]
    [InlineData("$formatNumber(1, '0,')", "D3088")]
    [InlineData("$formatNumber(1, '#,,#0')", "D3089")]
    [InlineData("$formatNumber(1, '0#')", "D3090")]
    [InlineData("$formatNumber(1, '0.#0')", "D3091")]
    [InlineData("$formatNumber(1, '0%e0')", "D3092")]
    [InlineData("$formatNumber(1, '0e#')", "D3093")]
    [InlineData("$formatNumber(1, '%')", "D3086")]
    public void A_malformed_picture_is_refused_with_its_code(string expression, string code) =>
        JsonataRun.Error(expression).Code.Should().Be(code);
}
