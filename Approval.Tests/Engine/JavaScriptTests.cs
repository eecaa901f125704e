using System.Text.Json.Nodes;
using Approval.Engine.Runtime;

namespace Approval.Tests.Engine;

/// <summary>JavaScript runs sandboxed: it reads and writes variables, and a runaway script becomes an incident.</summary>
public class JavaScriptTests
{
    private static JsonArray Variables(params (string Name, string Type, string Value)[] variables) =>
        [.. variables.Select(v => (JsonNode)new JsonObject { ["id"] = v.Name, ["name"] = v.Name, ["typeName"] = v.Type, ["value"] = v.Value })];

    private static WorkflowHarness Script(string script, JsonArray? variables = null, Action<WorkflowEngineOptions>? configure = null) =>
        new(Flow.Definition(
            Flow.Activities(Flow.Js("js", "Elsa.RunJavaScript", "script", script)),
            Flow.Connections(),
            variables), configure: configure);

    [Test]
    public async Task Scripts_read_and_write_variables_in_every_style_Elsa_offers()
    {
        var harness = Script("setVariable('Count', getVariable('Count') + 1); setCount(getCount() + 1); variables.Count = variables.Count + 1;",
            Variables(("Count", "Int32", "40")));
        await harness.StartAsync();
        Assert.That(harness.Instance.Variables["Count"]!.GetValue<long>(), Is.EqualTo(43));
    }

    [Test]
    public async Task A_decision_reads_the_instance_input()
    {
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Js("d", "Elsa.FlowDecision", "condition", "return input.height > 100;"), Flow.Write("high", "high"), Flow.Write("low", "low")),
            Flow.Connections(Flow.Connect("d", "high", "True"), Flow.Connect("d", "low", "False"))));
        var instance = harness.Engine.CreateInstance(harness.Workflow, input: new Dictionary<string, JsonNode?> { ["height"] = 120 });
        await harness.Engine.StartAsync(harness.Workflow, instance);
        Assert.That(harness.Lines, Is.EqualTo(new[] { "high" }));
    }

    [Test]
    public async Task An_endless_loop_becomes_an_incident_instead_of_hanging()
    {
        var harness = Script("while (true) { }", configure: o =>
        {
            o.JavaScript.MaxStatements = int.MaxValue;
            o.JavaScript.Timeout = TimeSpan.FromMilliseconds(200);
        });
        await harness.StartAsync();
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Faulted));
        var incident = harness.Instance.Incidents.Single();
        Assert.That(incident.ActivityId, Is.EqualTo("js"));
        Assert.That(incident.Kind, Is.EqualTo(IncidentKind.ActivityFault));
        Assert.That(incident.Message, Does.StartWith("The script ran longer than 0.2 s"));
    }

    [Test]
    public async Task A_script_running_too_many_statements_becomes_an_incident()
    {
        var harness = Script("for (;;) { }");
        await harness.StartAsync();
        Assert.That(harness.Instance.Incidents.Single().Message, Does.StartWith("The script ran more than 100000 statements"));
    }

    [Test]
    public async Task Runaway_recursion_becomes_an_incident()
    {
        var harness = Script("function f(n) { return f(n + 1); } f(0);");
        await harness.StartAsync();
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Faulted));
    }

    [Test]
    public async Task Runaway_memory_becomes_an_incident()
    {
        var harness = Script("var a = []; for (var i = 0; i < 1e9; i++) a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + i);",
            configure: o => { o.JavaScript.MaxStatements = int.MaxValue; o.JavaScript.Timeout = TimeSpan.FromSeconds(20); });
        await harness.StartAsync();
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Faulted));
        Assert.That(harness.Instance.Incidents.Single().Message, Does.StartWith("The script went over its memory limit"));
    }

    [TestCase("System.IO.File.ReadAllText('/etc/passwd')")]
    [TestCase("importNamespace('System.IO')")]
    [TestCase("require('fs')")]
    public async Task Scripts_have_no_access_to_the_host(string script)
    {
        var harness = Script(script);
        await harness.StartAsync();
        Assert.That(harness.Status, Is.EqualTo(WorkflowStatus.Faulted));
    }
}
