using System.Text.Json.Nodes;
using Approval.Engine.Activities;
using Approval.Engine.Definitions;

namespace Approval.Tests.Engine;

/// <summary>A definition is validated at load, and every error names the file, the activity and the reason.</summary>
public class DefinitionReaderTests
{
    private static DefinitionReadResult Read(string json) => new WorkflowDefinitionReader(ActivityRegistry.CreateDefault()).Read(json, "test.json");

    private static IEnumerable<string> Errors(string json) => Read(json).Errors.Select(e => e.ToString());

    [Test]
    public void Unknown_activity_type_is_refused_by_name()
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Start(), Flow.Activity("x", "Acme.Teleport")), Flow.Connections(Flow.Connect("start", "x"))));
        Assert.That(errors, Has.Some.EqualTo("test.json: activity 'x': activity type 'Acme.Teleport' is not supported (unknown type)"));
    }

    [TestCase("Elsa.HttpEndpoint", "HTTP")]
    [TestCase("Elsa.RunCSharp", "C#")]
    [TestCase("Elsa.SendEmail", "outbox")]
    public void Activities_outside_an_approval_engine_are_refused_saying_why(string type, string reason)
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Activity("x", type)), Flow.Connections()));
        Assert.That(errors, Has.Some.Contains(type).And.Some.Contains(reason));
    }

    [Test]
    public void Dangling_connection_is_refused()
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Start()), Flow.Connections(Flow.Connect("start", "nowhere"))));
        Assert.That(errors, Has.Some.Contains("'nowhere', which is not in this flowchart"));
    }

    [Test]
    public void Dangling_connection_is_named_at_the_activity_it_leaves()
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Start()), Flow.Connections(Flow.Connect("start", "nowhere"))));
        Assert.That(errors, Has.Some.EqualTo("test.json: activity 'start': a connection ends at activity 'nowhere', which is not in this flowchart"));
    }

    [Test]
    public void Connection_from_an_unknown_activity_is_named_at_the_activity_it_reaches()
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Start()), Flow.Connections(Flow.Connect("nowhere", "start"))));
        Assert.That(errors, Has.Some.EqualTo("test.json: activity 'start': a connection starts at activity 'nowhere', which is not in this flowchart"));
    }

    [Test]
    public void Duplicate_activity_id_is_refused()
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Start("a"), Flow.Write("a", "x")), Flow.Connections()));
        Assert.That(errors, Has.Some.EqualTo("test.json: activity 'a': the activity id is used more than once"));
    }

    [Test]
    public void JavaScript_that_does_not_parse_is_refused()
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Js("js", "Elsa.WriteLine", "text", "return 1 +;")), Flow.Connections()));
        Assert.That(errors, Has.Some.StartsWith("test.json: activity 'js': input 'text': the JavaScript does not parse"));
    }

    [Test]
    public void CSharp_and_Liquid_expressions_are_refused()
    {
        var activity = Flow.Write("w", "x");
        activity["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "CSharp", ["value"] = "1" } };
        var errors = Errors(Flow.Definition(Flow.Activities(activity), Flow.Connections()));
        Assert.That(errors, Has.Some.Contains("CSharp expression, which is not supported"));
    }

    [Test]
    public void Liquid_expressions_are_refused_by_name_naming_the_input()
    {
        var activity = Flow.Write("w", "x");
        activity["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Liquid", ["value"] = "{{ Variables.Name }}" } };
        var error = Read(Flow.Definition(Flow.Activities(activity), Flow.Connections())).Errors.Single();
        Assert.That(error.Code, Is.EqualTo(DefinitionErrorCode.LiquidUnsupported));
        Assert.That(error.ActivityId, Is.EqualTo("w"));
        Assert.That(error.Parameters["input"], Is.EqualTo("text"));
        Assert.That(error.ToString(), Does.Contain("Liquid expression, which is not supported (write it as a JavaScript expression)"));
    }

    [Test]
    public void A_root_without_an_id_is_refused_and_every_unsupported_type_inside_it_is_named()
    {
        var json = new JsonObject
        {
            ["definitionId"] = "idless",
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(
                    Flow.Start(), Flow.Activity("cs", "Elsa.RunCSharp"), Flow.Activity("acme", "Acme.Teleport"),
                    Flow.Flowchart("inner", Flow.Activities(Flow.Activity("http", "Elsa.HttpEndpoint")), Flow.Connections())),
                ["connections"] = new JsonArray(),
            },
        }.ToJsonString();
        var errors = Read(json).Errors;
        Assert.That(errors.Select(e => (e.ActivityId, e.Code)), Is.EquivalentTo(new (string?, DefinitionErrorCode)[]
        {
            (null, DefinitionErrorCode.ActivityWithoutId),
            ("cs", DefinitionErrorCode.CSharpUnsupported),
            ("acme", DefinitionErrorCode.ActivityTypeUnknown),
            ("http", DefinitionErrorCode.HttpActivityUnsupported),
        }));
    }

    [Test]
    public void An_invalid_cron_expression_is_refused_in_Elsas_words_naming_the_input()
    {
        var cron = Flow.Activity("cron", "Elsa.Cron", ("cronExpression", "61 * * * * *"));
        var error = Read(Flow.Definition(Flow.Activities(cron), Flow.Connections())).Errors.Single();
        Assert.That(error.Code, Is.EqualTo(DefinitionErrorCode.CronExpressionUnreadable));
        Assert.That(error.Parameters["input"], Is.EqualTo("cronExpression"));
        Assert.That(error.ToString(), Does.StartWith(
            "test.json: activity 'cron': input 'cronExpression': Error when parsing cron expression: The given cron expression has an invalid format."));
        Assert.That(error.ToString(), Does.Contain("Seconds"));
    }

    [Test]
    public void A_valid_cron_expression_loads()
    {
        var cron = Flow.Activity("cron", "Elsa.Cron", ("cronExpression", "0 0 9 * * MON-FRI"));
        Assert.That(Read(Flow.Definition(Flow.Activities(cron), Flow.Connections())).Errors, Is.Empty);
    }

    [Test]
    public void Every_error_is_reported_not_just_the_first()
    {
        var errors = Errors(Flow.Definition(
            Flow.Activities(Flow.Activity("x", "Acme.Teleport"), Flow.Js("js", "Elsa.WriteLine", "text", "(")),
            Flow.Connections(Flow.Connect("x", "ghost"))));
        Assert.That(errors.Count(), Is.EqualTo(3));
    }

    [Test]
    public void Malformed_json_is_refused_with_the_parser_position()
    {
        var errors = Errors("{ \"root\": ");
        Assert.That(errors.Single(), Does.StartWith("test.json: not valid JSON"));
    }

    [Test]
    public void A_join_mode_that_does_not_exist_is_refused()
    {
        var errors = Errors(Flow.Definition(Flow.Activities(Flow.Join("j", "WaitSome")), Flow.Connections()));
        Assert.That(errors, Has.Some.Contains("unknown join mode 'WaitSome'"));
    }

    [Test]
    public void Setting_an_undeclared_variable_is_refused()
    {
        var set = Flow.Activity("set", "Elsa.SetVariable", ("value", 1));
        set["variable"] = new JsonObject { ["id"] = "v1", ["name"] = "Missing" };
        var errors = Errors(Flow.Definition(Flow.Activities(set), Flow.Connections()));
        Assert.That(errors, Has.Some.Contains("'Missing', which the definition does not declare"));
    }

    [Test]
    public void Older_connection_format_with_source_and_target_ids_is_read()
    {
        var json = Flow.Definition(Flow.Activities(Flow.Start(), Flow.Write("w", "x")),
            [new JsonObject { ["source"] = "start", ["target"] = "w", ["sourcePort"] = "Done", ["targetPort"] = "In" }]);
        var read = Read(json);
        Assert.That(read.Succeeded, Is.True);
        Assert.That(read.Definition!.Root.Connections.Single(), Is.EqualTo(new Connection("start", "Done", "w", "In")));
    }
}
