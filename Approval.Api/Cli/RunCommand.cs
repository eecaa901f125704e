using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;

namespace Approval.Api.Cli;

/// <summary>
/// <c>run FILE [--input name=value]...</c>: runs a definition in memory until it finishes, faults or waits,
/// printing each line <c>Elsa.WriteLine</c> writes, then the status and any pending bookmarks.
/// Exit code: 0 finished or suspended, 1 faulted or refused, 2 bad usage.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine("usage: run FILE [--input name=value]...");
            return 2;
        }
        var file = args[0];
        var input = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] != "--input" || i + 1 >= args.Length || !args[i + 1].Contains('=', StringComparison.Ordinal))
            {
                error.WriteLine($"unexpected argument '{args[i]}': expected --input name=value");
                return 2;
            }
            var pair = args[++i];
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            input[pair[..separator]] = ParseValue(pair[(separator + 1)..]);
        }

        var engine = new WorkflowEngine(WorkflowActivities.CreateRegistry(), TimeProvider.System, new WorkflowEngineOptions { Console = output });
        var read = new WorkflowDefinitionReader(engine.Registry).ReadFile(file);
        if (!read.Succeeded)
        {
            foreach (var problem in read.Errors)
                output.WriteLine(problem with { Source = file });
            return 1;
        }
        var workflow = engine.Compile(read.Definition!);
        var instance = engine.CreateInstance(workflow, input: input);
        await engine.StartAsync(workflow, instance);

        output.WriteLine($"status: {instance.Status}");
        foreach (var bookmark in instance.Bookmarks)
        {
            var what = bookmark.DueAt is { } due ? $"timer due {due:O}" : $"'{bookmark.Name}'";
            output.WriteLine($"pending: {bookmark.ActivityType} {bookmark.ActivityId} waits for {what} (bookmark {bookmark.Id})");
        }
        foreach (var incident in instance.OpenIncidents)
            output.WriteLine($"incident: {incident.Kind} at {incident.ActivityId}: {incident.Message}");
        return instance.Status == WorkflowStatus.Faulted ? 1 : 0;
    }

    // A value that parses as JSON (a number, true, an object) is taken as such; anything else is a string.
    private static JsonNode? ParseValue(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
