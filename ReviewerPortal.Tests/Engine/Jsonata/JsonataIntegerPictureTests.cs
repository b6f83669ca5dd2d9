namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>Issue 15: <c>$formatInteger</c> and <c>$parseInteger</c> with the XPath pictures the JSONata documentation shows.</summary>
public sealed class JsonataIntegerPictureTests
{
    [Theory]
    [InlineData("$formatInteger(2789, 'w')", "\"two thousand, seven hundred and eighty-nine\"")]
    [InlineData("$formatInteger(1005, 'w')", "\"one thousand and five\"")]
    [InlineData("$formatInteger(21, 'w;o')", "\"twenty-first\"")]
    [InlineData("$formatInteger(40, 'W;o')", "\"FORTIETH\"")]
    [InlineData("$formatInteger(1999, 'I')", "\"MCMXCIX\"")]
    [InlineData("$formatInteger(14, 'i')", "\"xiv\"")]
    [InlineData("$formatInteger(28, 'a')", "\"ab\"")]
    [InlineData("$formatInteger(26, 'A')", "\"Z\"")]
    [InlineData("$formatInteger(7, '000')", "\"007\"")]
    [InlineData("$formatInteger(1234567, '#,##0')", "\"1,234,567\"")]
    [InlineData("$formatInteger(12, '0;o')", "\"12th\"")]
    [InlineData("$formatInteger(22, '0;o')", "\"22nd\"")]
    [InlineData("$formatInteger(-5, '0')", "\"-5\"")]
    public void formatInteger_writes_words_numerals_letters_and_digit_patterns(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("$parseInteger('twelve thousand, four hundred and seventy-six', 'w')", "12476")]
    [InlineData("$parseInteger('MCMXCIX', 'I')", "1999")]
    [InlineData("$parseInteger('ab', 'a')", "28")]
    [InlineData("$parseInteger('12,345,678', '#,##0')", "12345678")]
    [InlineData("$parseInteger('22nd', '0;o')", "22")]
    public void parseInteger_reads_what_formatInteger_writes(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData(2789, "w")]
    [InlineData(1_000_001, "w")]
    [InlineData(3999, "I")]
    [InlineData(703, "a")]
    [InlineData(98765, "#,##0")]
    public void A_number_formatted_and_parsed_with_one_picture_comes_back(long number, string picture) =>
        JsonataRun.Eval($"$parseInteger($formatInteger({number}, '{picture}'), '{picture}')").Should().Be(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
