using Approval.Api.Cli;
using Approval.Tests.Engine;

namespace Approval.Tests.Api;

/// <summary>What workflow authors get from `dotnet run --project Approval.Api -- validate|run`.</summary>
public class CommandLineTests
{
    private string _dir = null!;

    [SetUp]
    public void SetUp() => Directory.CreateDirectory(_dir = Path.Combine(Path.GetTempPath(), "approval-cli", Guid.NewGuid().ToString("N")));

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Hello => Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Js("hello", "Elsa.WriteLine", "text", "return '你好, ' + getInput('name');"), Flow.Event("wait", "approved")),
        Flow.Connections(Flow.Connect("start", "hello"), Flow.Connect("hello", "wait")));

    [Test]
    public async Task Validate_prints_ok_per_good_file_and_each_error_of_a_bad_one_and_fails()
    {
        var good = Write("good.json", Hello);
        var bad = Write("bad.json", Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Js("broken", "Elsa.WriteLine", "text", "return (;"), Flow.Activity("sub", "Elsa.ExecuteWorkflow")),
            Flow.Connections(Flow.Connect("start", "broken"), Flow.Connect("broken", "ghost"))));
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["validate", good, bad], output, TextWriter.Null);

        Assert.That(code, Is.EqualTo(1));
        var text = output.ToString();
        Assert.That(text, Does.Contain($"{good}: ok"));
        Assert.That(text, Does.Contain("activity 'broken'").And.Contain("does not parse"));
        Assert.That(text, Does.Contain("activity 'sub'").And.Contain("sub-workflows are not supported"));
        Assert.That(text, Does.Contain("'ghost'"));
    }

    [Test]
    public async Task Validate_succeeds_when_every_file_is_good()
    {
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["validate", Write("good.json", Hello)], output, TextWriter.Null);
        Assert.That(code, Is.Zero);
    }

    [Test]
    public async Task Run_prints_what_the_workflow_writes_then_its_status_and_pending_bookmarks()
    {
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["run", Write("hello.json", Hello), "--input", "name=张三"], output, TextWriter.Null);

        Assert.That(code, Is.Zero);
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("你好, 张三"));
        Assert.That(lines[1], Is.EqualTo("status: Suspended"));
        Assert.That(lines[2], Does.StartWith("pending: Elsa.Event wait waits for 'approved'"));
    }

    [Test]
    public async Task Unknown_arguments_start_the_web_application_instead()
    {
        Assert.That(await CommandLine.TryRunAsync(["--urls", "http://localhost:1"], TextWriter.Null, TextWriter.Null), Is.Null);
    }
}
