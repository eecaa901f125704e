using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;

namespace Approval.Api.Cli;

/// <summary>
/// <c>run FILE [--input name=value]... [--resume NAME|--all [--with name=value]...]... [--advance DURATION]...</c>: runs a
/// definition in memory, printing each line <c>Elsa.WriteLine</c> writes; then, in the order given, resumes a waiting
/// bookmark (by its name or id, or every one waiting that is not a timer, with <c>--with</c> values as the resume's input)
/// or moves the run's own clock on and fires the timers then due; last the status and any pending bookmarks.
/// Exit code: 0 finished or suspended, 1 faulted, refused or a resume that found nothing to resume, 2 bad usage.
/// </summary>
internal static class RunCommand
{
    private const string Usage = "usage: run FILE [--input name=value]... [--resume NAME|--all [--with name=value]...]... [--advance DURATION]...";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            error.WriteLine(Usage);
            return 2;
        }
        var file = args[0];
        var input = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var steps = new List<Step>();
        for (var i = 1; i < args.Length; i++)
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
        var engine = new WorkflowEngine(WorkflowActivities.CreateRegistry(), clock, new WorkflowEngineOptions { Console = output });
        var read = new WorkflowDefinitionReader(engine.Registry).ReadFile(file);
        if (!read.Succeeded)
        {
            foreach (var refusal in read.Errors)
                output.WriteLine(refusal with { Source = file });
            return 1;
        }
        var workflow = engine.Compile(read.Definition!);
        var instance = engine.CreateInstance(workflow, input: input);
        await engine.StartAsync(workflow, instance);

        var failed = false;
        foreach (var step in steps)
        {
            if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Faulted)
                break;
            switch (step)
            {
                case ResumeStep resume:
                    var waiting = instance.Bookmarks
                        .Where(b => b.DueAt is null && (resume.Bookmark is null || b.Name == resume.Bookmark || b.Id == resume.Bookmark))
                        .Select(b => b.Id).ToList();
                    output.WriteLine($"> resume {(resume.Bookmark is null ? "all" : $"'{resume.Bookmark}'")}: {waiting.Count} bookmark(s)");
                    if (waiting.Count == 0)
                        failed = true;
                    var with = new JsonObject(resume.Input.Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
                    foreach (var id in waiting)
                        await engine.ResumeAsync(workflow, instance, id, with.DeepClone());
                    break;
                case AdvanceStep advance:
                    clock.Advance(advance.By);
                    output.WriteLine($"> advance {advance.By:c}: now {clock.GetUtcNow():O}");
                    await engine.FireDueTimersAsync(workflow, instance);
                    break;
            }
        }

        output.WriteLine($"status: {instance.Status}");
        foreach (var bookmark in instance.Bookmarks)
        {
            var what = bookmark.DueAt is { } due ? $"timer due {due:O}" : $"'{bookmark.Name}'";
            output.WriteLine($"pending: {bookmark.ActivityType} {bookmark.ActivityId} waits for {what} (bookmark {bookmark.Id})");
        }
        foreach (var incident in instance.OpenIncidents)
            output.WriteLine($"incident: {incident.Kind} at {incident.ActivityId}: {incident.Message}");
        return instance.Status == WorkflowStatus.Faulted || failed ? 1 : 0;
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

    /// <summary>A clock that stands still until the command line moves it.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
