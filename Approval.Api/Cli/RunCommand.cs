using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Hosting;
using Approval.Engine.Runtime;
using Approval.Engine.SubWorkflows;

namespace Approval.Api.Cli;

/// <summary>
/// <c>run FILE [MORE_FILES|FOLDER]... [--input name=value]... [--resume NAME|--all [--with name=value]...]... [--advance DURATION]...</c>:
/// runs the first definition in memory, the others (each <c>*.json</c> of a folder) loaded beside it as the sub-workflows it
/// may run, printing each line <c>Elsa.WriteLine</c> writes; then, in the order given, resumes a waiting bookmark of the
/// instance or of a child (by its name or id, or every one waiting that is not a timer, with <c>--with</c> values as the
/// resume's input) or moves the run's own clock on and fires the timers then due; last the status and any pending bookmarks.
/// Exit code: 0 finished or suspended, 1 faulted, refused or a resume that found nothing to resume, 2 bad usage.
/// </summary>
internal static class RunCommand
{
    private const string Usage = "usage: run FILE [MORE_FILES|FOLDER]... [--input name=value]... [--resume NAME|--all [--with name=value]...]... [--advance DURATION]...";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConfiguration? configuration = null)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine(Usage);
            return 2;
        }
        var files = new List<string>();
        var first = 0;
        for (; first < args.Length && !args[first].StartsWith("--", StringComparison.Ordinal); first++)
            files.AddRange(Directory.Exists(args[first]) && first > 0 ? Directory.GetFiles(args[first], "*.json").Order(StringComparer.Ordinal) : [args[first]]);
        var input = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var steps = new List<Step>();
        for (var i = first; i < args.Length; i++)
        {
            var problem = args[i] switch
            {
                "--input" when steps.Count == 0 => Pair(args, ++i, input),
                "--with" when steps.LastOrDefault() is ResumeStep resume => Pair(args, ++i, resume.Input),
                "--resume" when i + 1 < args.Length => Add(steps, new ResumeStep(args[++i] == "--all" ? null : args[i])),
                "--advance" when i + 1 < args.Length => Duration(args[++i]) is { } by ? Add(steps, new AdvanceStep(by)) : $"'{args[i]}' is not a duration (3d, 12h, 30m, 45s or d.hh:mm:ss)",
                _ => $"unexpected argument '{args[i]}'",
            };
            if (problem is not null)
            {
                error.WriteLine(problem);
                error.WriteLine(Usage);
                return 2;
            }
        }

        // The run's own clock: timers fall due when --advance moves it, not when the wall clock does.
        var clock = new SteppedClock(TimeProvider.System.GetUtcNow());
        // The server's activity types: an Elsa.SendHttpRequest calls an allow-listed department system with the configured
        // secrets, an Elsa.HttpEndpoint waits on a bookmark --resume delivers the --with values to as the callback's body.
        using var activities = new CommandLineActivities(configuration);
        var engine = new WorkflowEngine(activities.Registry, clock, new WorkflowEngineOptions { Console = output });
        var store = new InMemoryWorkflowStore();
        var runtime = new WorkflowRuntime(engine, store, new PrintedEmails(store, output), NoWakeUps.Instance);
        var root = await LoadAsync(files, engine, store, output);
        if (root is null)
            return 1;
        var run = await runtime.StartAsync(root, input);

        var failed = false;
        foreach (var step in steps)
        {
            if (run.Instance.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted)
                break;
            switch (step)
            {
                case ResumeStep resume:
                    var waiting = (await InstancesAsync(store)).SelectMany(i => i.Bookmarks.Select(b => (Instance: i.Id, Bookmark: b)))
                        .Where(w => w.Bookmark.DueAt is null && SubWorkflowRequest.Of(w.Bookmark) is null
                            && (resume.Bookmark is null || w.Bookmark.Name == resume.Bookmark || w.Bookmark.Id == resume.Bookmark))
                        .ToList();
                    output.WriteLine($"> resume {(resume.Bookmark is null ? "all" : $"'{resume.Bookmark}'")}: {waiting.Count} bookmark(s)");
                    if (waiting.Count == 0)
                        failed = true;
                    var with = new JsonObject(resume.Input.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                    foreach (var (instanceId, bookmark) in waiting)
                        await runtime.ResumeAsync(instanceId, bookmark.Id, with.DeepClone());
                    break;
                case AdvanceStep advance:
                    clock.Advance(advance.By);
                    output.WriteLine($"> advance {advance.By:c}: now {clock.GetUtcNow():O}");
                    await runtime.FireDueTimersAsync();
                    break;
            }
            run = run with { Instance = await store.FindAsync(run.Instance.Id) ?? run.Instance };
        }

        var instance = await store.FindAsync(run.Instance.Id) ?? run.Instance;
        output.WriteLine($"status: {instance.Status}");
        foreach (var waiting in await InstancesAsync(store))
        {
            var child = waiting.Id == instance.Id ? "" : $"sub-workflow {waiting.DefinitionId} ({waiting.Status}): ";
            foreach (var bookmark in waiting.Bookmarks)
            {
                var what = bookmark.DueAt is { } due ? $"timer due {due:O}" : $"'{bookmark.Name}'";
                output.WriteLine($"pending: {child}{bookmark.ActivityType} {bookmark.ActivityId} waits for {what} (bookmark {bookmark.Id})");
            }
        }
        foreach (var incident in instance.OpenIncidents)
            output.WriteLine($"incident: {incident.Kind} at {incident.ActivityId}: {incident.Message}");
        return instance.Status == WorkflowStatus.Faulted || failed ? 1 : 0;
    }

    // Reads every file; the first is the one to run, the others are there for it to run as sub-workflows. A definition
    // naming a child that no file holds is refused as the server refuses it. Returns the first's definition id.
    private static async Task<string?> LoadAsync(List<string> files, WorkflowEngine engine, InMemoryWorkflowStore store, TextWriter output)
    {
        var reader = engine.CreateReader();
        var read = files.Select(f => (File: f, Read: reader.ReadFile(f))).ToList();
        var refused = false;
        foreach (var (file, result) in read.Where(r => !r.Read.Succeeded))
        {
            refused = true;
            foreach (var refusal in result.Errors)
                output.WriteLine(refusal with { Source = file });
        }
        if (refused)
            return null;
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (file, result) in read)
        {
            var definition = result.Definition!;
            var version = versions[definition.DefinitionId] = versions.GetValueOrDefault(definition.DefinitionId) + 1;
            await store.AddAsync(new StoredDefinition(definition.DefinitionId, version, definition.Name, File.ReadAllText(file), false, engine.Time.GetUtcNow()));
            await store.PublishAsync(definition.DefinitionId, version);
        }
        foreach (var (file, result) in read)
        {
            foreach (var missing in await SubWorkflowReferences.MissingAsync(result.Definition!, engine.Registry,
                async (id, version) => version is { } v ? await store.FindVersionAsync(id, v) is not null : await store.FindPublishedAsync(id) is not null))
            {
                refused = true;
                output.WriteLine(missing with { Source = file });
            }
        }
        return refused ? null : read[0].Read.Definition!.DefinitionId;
    }

    // Every instance of the run, the one started first, its children in the order they were made.
    private static async Task<List<WorkflowInstance>> InstancesAsync(InMemoryWorkflowStore store)
    {
        var instances = new List<WorkflowInstance>();
        foreach (var id in store.InstanceIds)
        {
            if (await store.FindAsync(id) is { } instance)
                instances.Add(instance);
        }
        return [.. instances.OrderBy(i => i.SubWorkflowDepth).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    private static string? Add(List<Step> steps, Step step)
    {
        steps.Add(step);
        return null;
    }

    private static string? Pair(string[] args, int i, Dictionary<string, JsonNode?> into)
    {
        var separator = i < args.Length ? args[i].IndexOf('=', StringComparison.Ordinal) : -1;
        if (separator <= 0)
            return $"expected name=value after '{args[i - 1]}'";
        into[args[i][..separator]] = ParseValue(args[i][(separator + 1)..]);
        return null;
    }

    // 3d, 12h, 30m, 45s, or a TimeSpan as .NET writes it (1.12:00:00).
    internal static TimeSpan? Duration(string text)
    {
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0)
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
                case 's': return TimeSpan.FromSeconds(n);
            }
        }
        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero ? span : null;
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

    private abstract record Step;

    /// <summary>Resume the bookmarks named (or with that id), or every waiting one when <see cref="Bookmark"/> is null.</summary>
    private sealed record ResumeStep(string? Bookmark) : Step
    {
        public Dictionary<string, JsonNode?> Input { get; } = new(StringComparer.Ordinal);
    }

    private sealed record AdvanceStep(TimeSpan By) : Step;

    /// <summary>The command line moves its own clock and fires timers itself: nothing to schedule.</summary>
    private sealed class NoWakeUps : IWorkflowTimerScheduler
    {
        public static readonly NoWakeUps Instance = new();

        public void Schedule(string instanceId, string bookmarkId, DateTimeOffset dueAt)
        {
        }
    }

    /// <summary>A clock that stands still until the command line moves it.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
