namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>Constructors, grouping, order-by, blocks and variables, lambdas and closures, chains, regexes, transforms.</summary>
public sealed class JsonataConstructTests
{
    [Theory]
    [InlineData("{'name': patient.name, 'count': $count(studies)}", "{\"name\":\"Ada Byron\",\"count\":3}")]
    [InlineData("{'gone': patient.missing}", "{}")]
    [InlineData("[patient.name, patient.age]", "[\"Ada Byron\",36]")]
    [InlineData("[studies.id]", "[\"S1\",\"S2\",\"S3\"]")]
    [InlineData("[[1, 2], [3]]", "[[1,2],[3]]")]
    [InlineData("studies{modality: id}", "{\"CT\":[\"S1\",\"S3\"],\"MR\":\"S2\"}")]
    [InlineData("studies{modality: $count(id)}", "{\"CT\":2,\"MR\":1}")]
    [InlineData("reviewers{queue: name[]}", "{\"urgent\":[\"Lee\",\"Ana\"],\"routine\":[\"Kim\"]}")]
    [InlineData("studies.{'id': id, 'images': $sum(series.images)}", "[{\"id\":\"S1\",\"images\":200},{\"id\":\"S2\",\"images\":40},{\"id\":\"S3\"}]")]
    [InlineData("studies^(priority).id", "[\"S2\",\"S1\",\"S3\"]")]
    [InlineData("studies^(>priority).id", "[\"S3\",\"S1\",\"S2\"]")]
    [InlineData("reviewers^(queue, >name).name", "[\"Kim\",\"Lee\",\"Ana\"]")]
    [InlineData("($x := 2; $y := 3; $x * $y)", "6")]
    [InlineData("($x := 1; ($x := 5); $x)", "1")]
    [InlineData("studies.($n := id; $n & '!')", "[\"S1!\",\"S2!\",\"S3!\"]")]
    [InlineData("function($a, $b){ $a + $b }(2, 3)", "5")]
    [InlineData("($add := λ($a, $b){ $a + $b }; $add(4, 5))", "9")]
    [InlineData("($fact := function($n){ $n <= 1 ? 1 : $n * $fact($n - 1) }; $fact(10))", "3628800")]
    [InlineData("($adder := function($n){ function($x){ $x + $n } }; $plus3 := $adder(3); $plus3(4))", "7")]
    [InlineData("($first3 := $substring(?, 0, 3); $first3(patient.name))", "\"Ada\"")]
    [InlineData("patient.name ~> $uppercase()", "\"ADA BYRON\"")]
    [InlineData("patient.name ~> $substringBefore(' ') ~> $lowercase", "\"ada\"")]
    [InlineData("($shout := $uppercase ~> $trim; $shout('  hi  '))", "\"HI\"")]
    [InlineData("$contains(patient.name, /byron/i)", "true")]
    [InlineData("patient.tags[$contains($, /^u/)]", "\"urgent\"")]
    [InlineData("($m := /(\\d+)-(\\d+)/; $m('ref 12-34').groups)", "[\"12\",\"34\"]")]
    [InlineData("patient ~> |$|{'age': age + 1}, ['tags']|", "{\"name\":\"Ada Byron\",\"age\":37}")]
    [InlineData("function($x)<n:n>{ $x * 2 }(4)", "8")]
    [InlineData("/* a comment */ patient.age", "36")]
    public void A_construct_builds_what_the_documentation_says(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("patient.", "S0207")]
    [InlineData("(1 + 2", "S0203")]
    [InlineData("'unterminated", "S0101")]
    [InlineData("1 ]", "S0201")]
    [InlineData("3 := 4", "S0212")]
    [InlineData("patient.'x'.3", "S0213")]
    [InlineData("$notAFunction()", "T1006")]
    [InlineData("uppercase('x')", "T1005")]
    [InlineData("{1: 2}", "T1003")]
    [InlineData("{'a': 1, 'a': 2}", "D1009")]
    [InlineData("studies^(series).id", "T2008")]
    [InlineData("function($x)<n:n>{ $x }('s')", "T0410")]
    public void A_malformed_expression_fails_with_its_code(string expression, string code) =>
        JsonataRun.Error(expression).Code.Should().Be(code);
}
