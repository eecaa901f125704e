using System.Text.Json.Nodes;
using Approval.Engine.Runtime;
using Approval.Workflows.Process;
using Approval.Tests.Engine;

namespace Approval.Tests.Workflows.Process;

/// <summary>Runs a process definition of workflows/ in the engine with the approval activities.</summary>
internal sealed class ProcessHarness
{
    private ProcessHarness(WorkflowHarness inner) => Inner = inner;

    public WorkflowHarness Inner { get; }
    public WorkflowInstance Instance => Inner.Instance;

    public static async Task<ProcessHarness> StartAsync(string file, JsonObject? form = null)
    {
        var inner = new WorkflowHarness(File.ReadAllText(Path.Combine(WorkflowsFolder, file)), ApprovalActivities.CreateRegistry());
        var instance = inner.Instance;
        instance.Input["form"] = form ?? [];
        await inner.StartAsync();
        return new ProcessHarness(inner);
    }

    public static string WorkflowsFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Approval.sln")))
                    return Path.Combine(dir.FullName, "workflows");
            }
            throw new DirectoryNotFoundException("workflows/ not found above the test assembly");
        }
    }

    public IEnumerable<string?> Waiting => Instance.Bookmarks.Select(b => b.Name);

    public async Task<RunResult> ResumeAsync(string bookmarkName, JsonObject? input = null)
    {
        var bookmark = Instance.Bookmarks.Single(b => b.Name == bookmarkName);
        return await Inner.Engine.ResumeAsync(Inner.Workflow, Instance, bookmark.Id, input);
    }

    public Task<RunResult> OpinionAsync(string department, string verdict, string? reason = null) =>
        ResumeAsync($"review:{department}", new JsonObject { ["verdict"] = verdict, ["reason"] = reason, ["reviewer"] = "审查员" });
}
