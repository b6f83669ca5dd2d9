namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>Navigation: paths over objects and arrays, predicates, wildcards, descendants, $ and $$.</summary>
public sealed class JsonataPathTests
{
    [Theory]
    [InlineData("patient.name", "\"Ada Byron\"")]
    [InlineData("patient.missing", "undefined")]
    [InlineData("patient.tags", "[\"urgent\",\"ct\"]")]
    [InlineData("patient.tags[0]", "\"urgent\"")]
    [InlineData("patient.tags[-1]", "\"ct\"")]
    [InlineData("patient.tags[5]", "undefined")]
    [InlineData("studies.id", "[\"S1\",\"S2\",\"S3\"]")]
    [InlineData("studies.series.images", "[120,80,40]")]
    [InlineData("studies[0].id", "\"S1\"")]
    [InlineData("studies.series[0].images", "[120,40]")]
    [InlineData("(studies.series)[0].images", "120")]
    [InlineData("studies[modality='CT'].id", "[\"S1\",\"S3\"]")]
    [InlineData("studies[modality='MR'].id", "\"S2\"")]
    [InlineData("studies[modality='MR'].id[]", "[\"S2\"]")]
    [InlineData("studies[priority > 1 and modality = 'CT'].id", "[\"S1\",\"S3\"]")]
    [InlineData("studies[[0, 2]].id", "[\"S1\",\"S3\"]")]
    [InlineData("patient.*", "[\"Ada Byron\",36,\"urgent\",\"ct\"]")]
    [InlineData("**.images", "[120,80,40]")]
    [InlineData("$.patient.age", "36")]
    [InlineData("studies.($$.patient.name & ':' & id)", "[\"Ada Byron:S1\",\"Ada Byron:S2\",\"Ada Byron:S3\"]")]
    [InlineData("`patient`.`name`", "\"Ada Byron\"")]
    [InlineData("studies.series", "[{\"images\":120},{\"images\":80},{\"images\":40}]")]
    public void A_path_selects_what_the_documentation_says(string expression, string expected) =>
        JsonataRun.Eval(expression).Should().Be(expected);

    [Theory]
    [InlineData("$[0]", "[1,2,3]", "1")]
    [InlineData("$", "[1,2,3]", "[1,2,3]")]
    [InlineData("$[[1..2]]", "[1,2,3]", "[2,3]")]
    [InlineData("$[$ > 1]", "[1,2,3]", "[2,3]")]
    [InlineData("a.b", "{\"a\":[{\"b\":[1,2]},{\"b\":3}]}", "[1,2,3]")]
    [InlineData("a", "{\"a\":[5]}", "[5]")]
    [InlineData("a[]", "{\"a\":5}", "[5]")]
    [InlineData("a.b.c", "{\"a\":{\"b\":null}}", "undefined")]
    [InlineData("a", "{\"a\":null}", "null")]
    [InlineData("$.\"with space\"", "{\"with space\":1}", "1")]
    public void Arrays_and_nulls_follow_the_sequence_rules(string expression, string input, string expected) =>
        JsonataRun.Eval(expression, input).Should().Be(expected);
}
