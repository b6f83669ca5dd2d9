namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>Arithmetic, comparison, boolean, concatenation, membership, range, conditional and coalescing operators.</summary>
public sealed class JsonataOperatorTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("7 % 3", "1")]
    [InlineData("-patient.age", "-36")]
    [InlineData("patient.age - 6", "30")]
    [InlineData("patient.missing + 1", "undefined")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("patient.age = 36", "true")]
    [InlineData("patient.age != 36", "false")]
    [InlineData("patient.missing = 1", "false")]
    [InlineData("'a' < 'b'", "true")]
    [InlineData("2 >= 3", "false")]
    [InlineData("patient.missing < 3", "undefined")]
    [InlineData("true and false", "false")]
    [InlineData("true or patient.missing", "true")]
    [InlineData("'Dr ' & patient.name", "\"Dr Ada Byron\"")]
    [InlineData("'n=' & 5 & patient.missing", "\"n=5\"")]
    [InlineData("'urgent' in patient.tags", "true")]
    [InlineData("'mr' in patient.tags", "false")]
    [InlineData("[1..4]", "[1,2,3,4]")]
    [InlineData("[0, 2..3, 9]", "[0,2,3,9]")]
    [InlineData("[5..1]", "[]")]
    [InlineData("patient.age > 18 ? 'adult' : 'minor'", "\"adult\"")]
    [InlineData("patient.age < 18 ? 'minor'", "undefined")]
    [InlineData("patient.missing ?? 'none'", "\"none\"")]
    [InlineData("'' ?: 'empty'", "\"empty\"")]
    [InlineData("{'a': 1} = {'a': 1}", "true")]
    [InlineData("[1, [2]] = [1, [2]]", "true")]
    public void An_operator_computes_what_the_documentation_says(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("'a' + 1", "T2001")]
    [InlineData("1 * 'b'", "T2002")]
    [InlineData("1 < 'b'", "T2009")]
    [InlineData("{} < 1", "T2010")]
    [InlineData("[1.5..3]", "T2003")]
    [InlineData("[1..'x']", "T2004")]
    [InlineData("[1..100000000]", "D2014")]
    [InlineData("-'x'", "D1002")]
    [InlineData("1e308 * 10", "D1001")]
    public void A_type_error_carries_its_JSONata_code(string expression, string code) =>
        JsonataRun.Error(expression).Code.Should().Be(code);
}
