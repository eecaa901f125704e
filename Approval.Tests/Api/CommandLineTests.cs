using Microsoft.Extensions.Configuration;
using Approval.Api.Cli;
using Approval.Tests.Engine;
using Approval.Tests.Engine.SubWorkflows;

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
        Assert.That(text, Does.Contain("activity 'sub'").And.Contain("the input 'workflowDefinitionId' is missing"));
        Assert.That(text, Does.Contain("'ghost'"));
    }

    [Test]
    public async Task Run_loads_the_other_files_and_folders_as_sub_workflows_whose_tasks_resume_like_the_parent_s()
    {
        var parent = Write("parent.json", SubWorkflowDefinitions.Parent("parent",
            SubWorkflowDefinitions.Execute("sub", "review", wait: true, new System.Text.Json.Nodes.JsonObject { ["Department"] = "消防" })));
        var children = Directory.CreateDirectory(Path.Combine(_dir, "children")).FullName;
        Write(Path.Combine("children", "review.json"), SubWorkflowDefinitions.DepartmentReview("review"));

        using var waiting = new StringWriter();
        var waitingCode = await CommandLine.TryRunAsync(["run", parent, children], waiting, TextWriter.Null);
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["run", parent, children, "--resume", "department-review"], output, TextWriter.Null);

        Assert.That(waitingCode, Is.Zero);
        Assert.That(waiting.ToString(), Does.Contain("status: Suspended")
            .And.Contain("pending: sub-workflow review (Suspended): Elsa.RunTask review waits for 'department-review'"));
        Assert.That(code, Is.Zero);
        Assert.That(output.ToString(), Does.Contain("> resume 'department-review': 1 bookmark(s)")
            .And.Contain("after: {\"review\":{},\"verdict\":\"消防:reviewed\"}").And.Contain("status: Finished"));
    }

    [Test]
    public async Task Run_refuses_a_parent_whose_sub_workflow_is_in_no_file_given()
    {
        var parent = Write("parent.json", SubWorkflowDefinitions.Parent("parent", SubWorkflowDefinitions.Execute("sub", "review", wait: true)));
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["run", parent], output, TextWriter.Null);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(output.ToString(), Does.Contain($"{parent}: activity 'sub': it runs workflow definition 'review', which has no published version here"));
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

    // 受理 → 审查 (a task) → a line reading the task's result → a three-day wait → 办结.
    private static string ReviewThenWait => Flow.Definition(
        Flow.Activities(Flow.Start(), Flow.Task("review", "审查"), Flow.Js("said", "Elsa.WriteLine", "text", "return '审查结论: ' + output.review.approved;"),
            Flow.Delay("wait", "3.00:00:00"), Flow.Write("done", "办结")),
        Flow.Connections(Flow.Connect("start", "review"), Flow.Connect("review", "said"), Flow.Connect("said", "wait"), Flow.Connect("wait", "done")));

    private static string[] Lines(StringWriter output) => output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Test]
    public async Task Run_resumes_a_bookmark_by_name_with_its_input_then_moves_its_clock_past_the_timer()
    {
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(
            ["run", Write("review.json", ReviewThenWait), "--resume", "审查", "--with", "approved=true", "--advance", "3d"], output, TextWriter.Null);

        Assert.That(code, Is.Zero);
        var lines = Lines(output);
        Assert.That(lines[0], Is.EqualTo("> resume '审查': 1 bookmark(s)"));
        Assert.That(lines[1], Is.EqualTo("审查结论: true"));
        Assert.That(lines[2], Does.StartWith("> advance 3.00:00:00: now "));
        Assert.That(lines[3..], Is.EqualTo(new[] { "办结", "status: Finished" }));
    }

    [Test]
    public async Task Run_stops_at_the_timer_when_the_clock_has_not_been_moved_far_enough()
    {
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(
            ["run", Write("review.json", ReviewThenWait), "--resume", "审查", "--with", "approved=false", "--advance", "2d"], output, TextWriter.Null);

        Assert.That(code, Is.Zero);
        var lines = Lines(output);
        Assert.That(lines, Does.Contain("审查结论: false").And.Contain("status: Suspended"));
        Assert.That(lines.Last(), Does.StartWith("pending: Elsa.Delay wait waits for timer due "));
    }

    [Test]
    public async Task Run_resumes_every_waiting_bookmark_with_all()
    {
        var parallel = Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Task("fire", "消防审查"), Flow.Task("tax", "税务审查"), Flow.Join("j", "WaitAll"), Flow.Write("done", "汇总")),
            Flow.Connections(Flow.Connect("start", "fire"), Flow.Connect("start", "tax"), Flow.Connect("fire", "j"), Flow.Connect("tax", "j"), Flow.Connect("j", "done")));
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["run", Write("parallel.json", parallel), "--resume", "--all"], output, TextWriter.Null);

        Assert.That(code, Is.Zero);
        Assert.That(Lines(output), Is.EqualTo(new[] { "> resume all: 2 bookmark(s)", "汇总", "status: Finished" }));
    }

    [Test]
    public async Task Run_fails_when_a_resume_finds_no_such_bookmark()
    {
        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["run", Write("review.json", ReviewThenWait), "--resume", "批准"], output, TextWriter.Null);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(Lines(output)[0], Is.EqualTo("> resume '批准': 0 bookmark(s)"));
    }

    [TestCase("--advance", "three days")]
    [TestCase("--with", "approved=true")]
    [TestCase("--resume", null)]
    public async Task Run_refuses_a_malformed_step_with_its_usage(string option, string? value)
    {
        using var error = new StringWriter();
        string[] args = value is null ? ["run", Write("review.json", ReviewThenWait), option] : ["run", Write("review.json", ReviewThenWait), option, value];
        var code = await CommandLine.TryRunAsync(args, TextWriter.Null, error);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("usage: run FILE"));
    }

    // The server's department-system settings, as a deployment would configure them.
    private static IConfiguration DepartmentSystems() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Approval:DepartmentSystems:AllowedHosts:0"] = "127.0.0.1",
        ["Approval:DepartmentSystems:Callbacks:fire-review:Department"] = "fire",
    }).Build();

    private static string ClosedPort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/fire/";
    }

    /// <summary>validate and run use the server's activity types and settings: the HTTP activities of department systems and
    /// the approval activities are accepted or refused for the server's reasons, not as unknown types.</summary>
    [Test]
    public async Task Validate_and_run_know_the_servers_http_and_approval_activities_and_refuse_them_for_the_servers_reasons()
    {
        var callback = Flow.Activity("callback", "Elsa.HttpEndpoint", ("path", "/fire-review"));
        callback["parsedContent"] = new System.Text.Json.Nodes.JsonObject { ["typeName"] = "Object", ["memoryReference"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "reply-id" } };
        var good = Write("http.json", Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Activity("http", "Elsa.FlowSendHttpRequest", ("url", ClosedPort())), Flow.Write("down", "消防系统不可达"),
                callback, Flow.Js("after", "Elsa.WriteLine", "text", "return '回调 ' + getReply().inspector;"),
                Flow.Activity("mail", "Elsa.SendEmail", ("to", "fire-office@departments.example"), ("subject", "消防复查已回调"), ("body", "<p>回调</p>"))),
            Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "down", "Failed to connect"), Flow.Connect("down", "callback"), Flow.Connect("callback", "after"),
                Flow.Connect("after", "mail")),
            [new System.Text.Json.Nodes.JsonObject { ["id"] = "reply-id", ["name"] = "reply", ["typeName"] = "Object" }]));
        var off = Write("off.json", Flow.Definition(
            Flow.Activities(Flow.Start(), Flow.Activity("http", "Elsa.SendHttpRequest", ("url", "http://records.example.org/api")),
                Flow.Activity("callback", "Elsa.HttpEndpoint", ("path", "nowhere"))),
            Flow.Connections(Flow.Connect("start", "http"), Flow.Connect("http", "callback"))));

        using var validated = new StringWriter();
        var validateCode = await CommandLine.TryRunAsync(["validate", good, off], validated, TextWriter.Null, DepartmentSystems());
        Assert.That(validateCode, Is.EqualTo(1));
        Assert.That(validated.ToString(), Does.Contain($"{good}: ok")
            .And.Contain("host 'records.example.org' is not on the allow-list").And.Contain("no callback is configured for path 'nowhere'")
            .And.Not.Contain("not supported"));

        using var output = new StringWriter();
        var code = await CommandLine.TryRunAsync(["run", good, "--resume", "HttpEndpoint:fire-review", "--with", "inspector=李四"], output, TextWriter.Null, DepartmentSystems());
        Assert.That(output.ToString(), Does.Contain("消防系统不可达").And.Contain("回调 李四").And.Contain("status: Finished")
            .And.Contain("e-mail (not sent by the command line) at mail to fire-office@departments.example: 消防复查已回调"), output.ToString());
        Assert.That(code, Is.Zero);
    }

    [Test]
    public async Task Unknown_arguments_start_the_web_application_instead()
    {
        Assert.That(await CommandLine.TryRunAsync(["--urls", "http://localhost:1"], TextWriter.Null, TextWriter.Null), Is.Null);
    }
}
