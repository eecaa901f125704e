using Approval.Api.Engine;
using Approval.Engine.Activities;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Tests.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using static Approval.Tests.Engine.SubWorkflows.SubWorkflowDefinitions;

namespace Approval.Tests.Api;

/// <summary>The <c>workflows/</c> folder imported at start-up.</summary>
public sealed class WorkflowFolderImportTests
{
    [Test]
    public async Task Parent_that_sorts_before_the_sub_workflow_it_runs_is_imported_after_it_and_one_whose_child_is_nowhere_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("approval-import-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a-parent.json"), Parent("parent", Execute("sub", "review", wait: true)));
            File.WriteAllText(Path.Combine(folder, "b-review.json"), DepartmentReview("review"));
            File.WriteAllText(Path.Combine(folder, "c-orphan.json"), Parent("orphan", Execute("sub", "nowhere", wait: true)));
            var store = new InMemoryWorkflowStore();
            var runtime = new WorkflowRuntime(new WorkflowEngine(ActivityRegistry.CreateDefault(), TestNode.NewClock()), store, store, new RecordingTimerScheduler());
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Approval:WorkflowsDirectory"] = folder }).Build();

            await new WorkflowFolderImport(runtime, store, configuration, new HostingEnvironment(), NullLogger<WorkflowFolderImport>.Instance)
                .ImportAsync(CancellationToken.None);

            Assert.That(await store.FindPublishedAsync("review"), Is.Not.Null);
            Assert.That(await store.FindPublishedAsync("parent"), Is.Not.Null);
            Assert.That(await store.FindLatestAsync("orphan"), Is.Null);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
