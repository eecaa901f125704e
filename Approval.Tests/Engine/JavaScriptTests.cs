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

    private static async Task<WorkflowHarness> RunWith(string script, Dictionary<string, JsonNode?> input, JsonArray? variables = null)
    {
        var harness = new WorkflowHarness(Flow.Definition(
            Flow.Activities(Flow.Js("js", "Elsa.WriteLine", "text", script)), Flow.Connections(), variables));
        foreach (var (name, value) in input)
            harness.Instance.Input[name] = value;
        await harness.StartAsync();
        return harness;
    }

    [Test]
    public async Task Workflow_inputs_have_the_getters_Elsa_generates_in_Pascal_case()
    {
        // Elsa's Hello-World style: input "Message" read as getMessage(); "first_name" as getFirstName() (Humanizer's Pascalize).
        var run = await RunWith("return getMessage() + ', ' + getFirstName() + ' ' + getage();",
            new() { ["Message"] = "你好", ["first_name"] = "张三", ["age"] = 30 });
        Assert.That(run.Lines, Is.Empty);
        Assert.That(run.Instance.Incidents.Single().Message, Does.Contain("getage is not defined"),
            "getage() is not a name Elsa generates for input 'age': the script faults");

        run = await RunWith("return getMessage() + ', ' + getFirstName() + ' ' + getAge();",
            new() { ["Message"] = "你好", ["first_name"] = "张三", ["age"] = 30 });
        Assert.That(run.Lines, Is.EqualTo(new[] { "你好, 张三 30" }));
    }

    [Test]
    public async Task Variables_have_getters_and_setters_named_as_Elsa_names_them()
    {
        var harness = Script("setCounter(getCounter() + 1); setApprovalCount(getApprovalCount() + 2);",
            Variables(("counter", "Int32", "1"), ("approval_count", "Int32", "10")));
        await harness.StartAsync();
        Assert.That(harness.Instance.Incidents, Is.Empty, () => harness.Instance.Incidents.First().Message);
        Assert.That(harness.Instance.Variables["counter"]!.GetValue<long>(), Is.EqualTo(2));
        Assert.That(harness.Instance.Variables["approval_count"]!.GetValue<long>(), Is.EqualTo(12));
    }

    [Test]
    public async Task An_input_and_a_variable_named_alike_getX_reads_the_input_and_setX_sets_the_variable()
    {
        // Elsa defines variable accessors first and input getters after them, so the input's getter wins the name.
        var run = await RunWith("setCounter(getCounter() + 5); return getVariable('Counter');",
            new() { ["counter"] = 10 }, Variables(("Counter", "Int32", "1")));
        Assert.That(run.Lines, Is.EqualTo(new[] { "15" }));
        Assert.That(run.Instance.Variables["Counter"]!.GetValue<long>(), Is.EqualTo(15));
    }

    [Test]
    public async Task Scripts_read_and_write_the_workflow_outputs_through_the_output_object()
    {
        var harness = Script("output.Total = variables.Count * 2; output['结论'] = 'approved'; setCount(output.Total + (output.Missing === null ? 1 : 0));",
            Variables(("Count", "Int32", "21")));
        await harness.StartAsync();
        Assert.That(harness.Instance.Incidents, Is.Empty, () => harness.Instance.Incidents.First().Message);
        Assert.That(harness.Instance.Output["Total"]!.GetValue<long>(), Is.EqualTo(42));
        Assert.That(harness.Instance.Output["结论"]!.GetValue<string>(), Is.EqualTo("approved"));
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
