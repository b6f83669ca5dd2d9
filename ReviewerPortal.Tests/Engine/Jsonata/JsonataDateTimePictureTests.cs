namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>
/// <c>$fromMillis</c> and <c>$toMillis</c> with XPath date/time pictures: numeric components and widths, month and
/// day names, ordinals, words and roman numerals, ISO weeks, 12-hour clocks, time zones, and the picture errors.
/// Expected values were checked against the reference implementation (1796725845123 is 2026-12-08T10:30:45.123Z).
/// </summary>
public sealed class JsonataDateTimePictureTests
{
    [Theory]
    [InlineData("$fromMillis(1796725845123)", "\"2026-12-08T10:30:45.123Z\"")]
    [InlineData("$fromMillis(1796725845123, '[Y0001]-[M01]-[D01]')", "\"2026-12-08\"")]
    [InlineData("$fromMillis(1796725845123, '[D01]/[M01]/[Y0001] [H01]:[m01]:[s01].[f001]')", "\"08/12/2026 10:30:45.123\"")]
    [InlineData("$fromMillis(1796725845123, '[FNn], [D1o] [MNn] [Y]')", "\"Tuesday, 8th December 2026\"")]
    [InlineData("$fromMillis(1796725845123, '[FNn,3-3] [D] [MNn,3-3] [Y01]')", "\"Tue 8 Dec 26\"")]
    [InlineData("$fromMillis(1796725845123, '[MN] [Mn] [FN] [Fn]')", "\"DECEMBER december TUESDAY tuesday\"")]
    [InlineData("$fromMillis(1796725845123, '[h]:[m01] [P]')", "\"10:30 am\"")]
    [InlineData("$fromMillis(1796725845123, '[h]:[m01] [PN]')", "\"10:30 AM\"")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01] [Z]', '+0530')", "\"16:00 +05:30\"")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01] [Z0]', '-0500')", "\"05:30 -5\"")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01] [Z0101]', '+0100')", "\"11:30 +0100\"")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01] [z]', '+0100')", "\"11:30 GMT+01:00\"")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01][Z01:01t]')", "\"10:30Z\"")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01][Z01:01t]', '+0000')", "\"10:30Z\"")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01] [Z]')", "\"10:30 +00:00\"")]
    [InlineData("$fromMillis(1796725845123, undefined, '+0200')", "\"2026-12-08T12:30:45.123+02:00\"")]
    [InlineData("$fromMillis(1796725845123, '[Y,2]-[M,2]-[D,2]')", "\"26-12-08\"")]
    [InlineData("$fromMillis(1796725845123, '[YI] [MI] [Di]')", "\"MMXXVI XII viii\"")]
    [InlineData("$fromMillis(1796725845123, '[Yw]')", "\"two thousand and twenty-six\"")]
    [InlineData("$fromMillis(1796725845123, '[DWw] of [MNn]')", "\"Eight of December\"")]
    [InlineData("$fromMillis(1796725845123, '[d] [W] [w] [X] [x] [F]')", "\"342 50 2 2026 12 tuesday\"")]
    [InlineData("$fromMillis(1104537600000, '[X]-W[W01]-[F]')", "\"2004-W53-saturday\"")]
    [InlineData("$fromMillis(1104537600000, '[x]/[w]')", "\"12/5\"")]
    [InlineData("$fromMillis(1796725845123, '[[[Y]]] at [H]')", "\"[2026] at 10\"")]
    [InlineData("$fromMillis(1796725845123, '[C] [E]')", "\"ISO ISO\"")]
    [InlineData("$fromMillis(1796725845123, '[ Y0001 ]')", "\"2026\"")]
    [InlineData("$fromMillis(1796725845123, '[Y0001][M01][D01]')", "\"20261208\"")]
    public void A_timestamp_is_written_as_the_picture_says(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("$toMillis('2026-12-08', '[Y0001]-[M01]-[D01]')", "1796688000000")]
    [InlineData("$toMillis('08/12/2026 14:30:45.123', '[D01]/[M01]/[Y0001] [H01]:[m01]:[s01].[f001]')", "1796740245123")]
    [InlineData("$toMillis('20261208', '[Y0001][M01][D01]')", "1796688000000")]
    [InlineData("$toMillis('Tuesday, 8th December 2026', '[FNn], [D1o] [MNn] [Y0001]')", "1796688000000")]
    [InlineData("$toMillis('8 Dec 2026', '[D] [MNn,3-3] [Y0001]')", "1796688000000")]
    [InlineData("$toMillis('2:30 pm, 8/12/2026', '[h]:[m01] [P], [D]/[M]/[Y]')", "1796740200000")]
    [InlineData("$toMillis('12:05 am, 8/12/2026', '[h]:[m01] [P], [D]/[M]/[Y]')", "1796688300000")]
    [InlineData("$toMillis('2026-12-08T14:30:00+05:30', '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01][Z]')", "1796720400000")]
    [InlineData("$toMillis('2026-12-08 14:30 GMT-05:00', '[Y0001]-[M01]-[D01] [H01]:[m01] [z]')", "1796758200000")]
    [InlineData("$toMillis('2026-12-08 14:30 +0100', '[Y0001]-[M01]-[D01] [H01]:[m01] [Z0101]')", "1796736600000")]
    [InlineData("$toMillis('2026-342', '[Y0001]-[d001]')", "1796688000000")]
    [InlineData("$toMillis('MMXXVI-XII-VIII', '[YI]-[MI]-[DI]')", "1796688000000")]
    [InlineData("$toMillis('the eighth of December, two thousand and twenty-six', 'the [Dwo] of [MNn], [Yw]')", "1796688000000")]
    [InlineData("$toMillis('2026-12', '[Y0001]-[M01]')", "1796083200000")]
    [InlineData("$toMillis('2026-12-08 14', '[Y0001]-[M01]-[D01] [H01]')", "1796738400000")]
    [InlineData("$toMillis('not a date', '[Y0001]-[M01]-[D01]')", "undefined")]
    [InlineData("$toMillis('2026-12-08T14:30:00.5Z', '[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f]Z')", "1796740200500")]
    [InlineData("$toMillis('26-12-08', '[Y01]-[M01]-[D01]')", "-1359072000000")]
    public void A_timestamp_is_read_as_the_picture_says(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("[Y0001]-[M01]-[D01]T[H01]:[m01]:[s01].[f001][Z01:01]", "+0530")]
    [InlineData("[FNn], [D1o] [MNn] [Y0001] at [h]:[m01]:[s01].[f001] [P]", "+0000")]
    [InlineData("[Y0001]-[d001] [H01]:[m01]:[s01].[f001] [z]", "-0800")]
    public void Formatting_then_parsing_with_the_same_picture_gives_the_instant_back(string picture, string zone) =>
        JsonataRun.Eval($"$toMillis($fromMillis(1796725845123, '{picture}', '{zone}'), '{picture}')").Should().Be("1796725845123");

    [Fact]
    public void Components_a_picture_leaves_out_above_the_ones_it_gives_come_from_now()
    {
        // "now" in these tests is 2026-12-07T10:30Z: the date is taken from it, the seconds below the minutes are zero.
        JsonataRun.Eval("$toMillis('08:15', '[H01]:[m01]')").Should().Be("1796631300000");
        JsonataRun.Eval("$fromMillis($toMillis('08:15', '[H01]:[m01]'))").Should().Be("\"2026-12-07T08:15:00.000Z\"");
    }

    [Theory]
    [InlineData("$fromMillis(1796725845123, '[Y0001')", "D3135")]
    [InlineData("$fromMillis(1796725845123, '[Q]')", "D3132")]
    [InlineData("$fromMillis(1796725845123, '[YN]')", "D3133")]
    [InlineData("$fromMillis(1796725845123, '[H01]:[m01] [Z010101]')", "D3134")]
    [InlineData("$toMillis('2026-08', '[Y0001]-[D01]')", "D3136")]
    [InlineData("$toMillis('2026-12-08 14:45', '[Y0001]-[M01]-[D01] [H01]:[s01]')", "D3136")]
    [InlineData("$toMillis('2026-W50-2', '[X0001]-W[W01]-[F1]')", "D3136")]
    [InlineData("$toMillis('2026-12-08', '[Y0001]-[M01]-[D01')", "D3135")]
    public void A_malformed_or_incomplete_picture_is_refused_with_its_code(string expression, string code) =>
        JsonataRun.Error(expression).Code.Should().Be(code);
}
