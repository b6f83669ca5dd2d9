namespace ReviewerPortal.Tests.Engine.Jsonata;

/// <summary>
/// The parent operator <c>%</c>, context variable binding <c>@$v</c> and positional binding <c>#$i</c> in path steps,
/// with predicates, order-by and grouping after them. Expected values were checked against the reference implementation.
/// </summary>
public sealed class JsonataBindingTests
{
    private const string Queues = """
        {
          "site": "North",
          "queues": [
            { "name": "urgent", "items": [ { "id": "A", "minutes": 30 }, { "id": "B", "minutes": 10 } ] },
            { "name": "routine", "items": [ { "id": "C", "minutes": 20 } ] }
          ],
          "reviewers": [
            { "name": "Lee", "queue": "urgent" },
            { "name": "Kim", "queue": "routine" },
            { "name": "Ana", "queue": "urgent" }
          ]
        }
        """;

    [Theory]
    [InlineData("queues.items.{ 'id': id, 'queue': %.name }", "[{\"id\":\"A\",\"queue\":\"urgent\"},{\"id\":\"B\",\"queue\":\"urgent\"},{\"id\":\"C\",\"queue\":\"routine\"}]")]
    [InlineData("queues.items.{ 'id': id, 'site': %.%.site }", "[{\"id\":\"A\",\"site\":\"North\"},{\"id\":\"B\",\"site\":\"North\"},{\"id\":\"C\",\"site\":\"North\"}]")]
    [InlineData("queues.items[%.name = 'routine'].id", "\"C\"")]
    [InlineData("queues.items.(id & '@' & %.name)", "[\"A@urgent\",\"B@urgent\",\"C@routine\"]")]
    [InlineData("queues.items.(%.name)", "[\"urgent\",\"urgent\",\"routine\"]")]
    [InlineData("queues.items[minutes > 15].%.name", "[\"urgent\",\"routine\"]")]
    [InlineData("queues.*.%.name", "[\"urgent\",\"urgent\",\"urgent\",\"routine\",\"routine\"]")]
    [InlineData("queues.items.%.%.site", "[\"North\",\"North\",\"North\"]")]
    [InlineData("queues.items.{ 'id': id, 'count': $count(%.items) }", "[{\"id\":\"A\",\"count\":2},{\"id\":\"B\",\"count\":2},{\"id\":\"C\",\"count\":1}]")]
    [InlineData("$count(queues.items[%.name='urgent'])", "2")]
    public void The_parent_operator_climbs_to_the_object_a_step_was_taken_from(string expression, string expected) =>
        JsonataRun.Eval(expression, Queues).Should().Be(expected);

    [Theory]
    [InlineData("queues@$q.reviewers@$r[$q.name = $r.queue].($q.name & ':' & $r.name)", "[\"urgent:Lee\",\"urgent:Ana\",\"routine:Kim\"]")]
    [InlineData("reviewers@$r.queues[name = $r.queue].($r.name & '>' & items[0].id)", "[\"Lee>A\",\"Kim>C\",\"Ana>A\"]")]
    [InlineData("$.queues@$q.items.(id & '/' & $q.name)", "undefined")]
    [InlineData("queues@$q.reviewers@$r[$q.name = $r.queue]^(>$r.name).($r.name)", "[\"Lee\",\"Kim\",\"Ana\"]")]
    [InlineData("queues@$q.reviewers@$r[$q.name = $r.queue]{ $q.name: $r.name }", "{\"urgent\":[\"Lee\",\"Ana\"],\"routine\":\"Kim\"}")]
    public void A_context_binding_keeps_the_context_and_joins_the_steps_after_it(string expression, string expected) =>
        JsonataRun.Eval(expression, Queues).Should().Be(expected);

    [Theory]
    [InlineData("queues#$i.($i & ':' & name)", "[\"0:urgent\",\"1:routine\"]")]
    [InlineData("queues.items#$i.(id & $i)", "[\"A0\",\"B1\",\"C0\"]")]
    [InlineData("queues.items[minutes > 15]#$i.(id & $i)", "[\"A0\",\"C1\"]")]
    [InlineData("queues.items#$i[minutes > 15].(id & $i)", "[\"A0\",\"C0\"]")]
    [InlineData("queues.items^(minutes)#$i.(id & $i)", "[\"B0\",\"C1\",\"A2\"]")]
    [InlineData("reviewers#$i[$i > 0].name", "[\"Kim\",\"Ana\"]")]
    [InlineData("reviewers[queue='urgent']#$i.($i & name)", "[\"0Lee\",\"1Ana\"]")]
    public void A_positional_binding_counts_per_context_or_after_the_predicates(string expression, string expected) =>
        JsonataRun.Eval(expression, Queues).Should().Be(expected);

    [Theory]
    [InlineData("queues.items^(%.name).id", "[\"C\",\"A\",\"B\"]")]
    [InlineData("queues.items^(>%.name, minutes).id", "[\"B\",\"A\",\"C\"]")]
    [InlineData("queues.(items.%).name", "[\"urgent\",\"urgent\",\"routine\"]")]
    [InlineData("queues.(items).%.name", "[\"urgent\",\"urgent\",\"routine\"]")]
    [InlineData("queues.items@$i.%.name", "[\"urgent\",\"urgent\",\"routine\"]")]
    [InlineData("queues.items@$i.($i.id & %.name)", "[\"Aurgent\",\"Burgent\",\"Croutine\"]")]
    [InlineData("queues.items#$i.{ 'id': id, 'pos': $i, 'queue': %.name }", "[{\"id\":\"A\",\"pos\":0,\"queue\":\"urgent\"},{\"id\":\"B\",\"pos\":1,\"queue\":\"urgent\"},{\"id\":\"C\",\"pos\":0,\"queue\":\"routine\"}]")]
    [InlineData("queues.items[minutes > 15]{ %.name: id }", "{}")]
    [InlineData("**.items.%.name", "[\"urgent\",\"urgent\",\"routine\"]")]
    [InlineData("queues.items.%[name='urgent'].name", "[\"urgent\",\"urgent\"]")]
    [InlineData("queues.items[0].%.name", "\"urgent\"")]
    [InlineData("queues.items.(%.items)[0].id", "\"A\"")]
    [InlineData("queues[0].items[1].%.%.site", "\"North\"")]
    [InlineData("reviewers#$i.$string($i)", "[\"0\",\"1\",\"2\"]")]
    [InlineData("(queues.items)[%.name='urgent'].id", "[\"A\",\"B\"]")]
    [InlineData("queues.(items)[%.name='urgent'].id", "[\"A\",\"B\"]")]
    public void Parents_and_bindings_combine_with_sorting_blocks_and_each_other(string expression, string expected) =>
        JsonataRun.Eval(expression, Queues).Should().Be(expected);

    [Theory]
    [InlineData("%.name", "S0217")]
    [InlineData("$count(%)", "S0217")]
    [InlineData("queues[0]@$q", "S0215")]
    [InlineData("queues^(name)@$q", "S0216")]
    [InlineData("queues@5", "S0214")]
    [InlineData("queues#name", "S0214")]
    public void Misplaced_bindings_and_parents_are_syntax_errors(string expression, string code) =>
        JsonataRun.Error(expression, Queues).Code.Should().Be(code);
}
