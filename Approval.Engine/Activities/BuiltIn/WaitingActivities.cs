using Approval.Engine.Definitions;
using Approval.Engine.Expressions;
using Cronos;

namespace Approval.Engine.Activities.BuiltIn;

/// <summary><c>Elsa.Event</c>: waits until the event named by <c>eventName</c> is published.</summary>
internal sealed class EventActivity : ActivityType
{
    public override string TypeName => "Elsa.Event";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.Suspend(context.GetString("eventName") ?? throw new InvalidOperationException("The event has no name.")));

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("eventName") is null)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "eventName"));
    }
}

/// <summary><c>Elsa.RunTask</c>: a human (or external) task: waits until the task named by <c>taskName</c> is completed;
/// the result delivered with the completion is kept as the task's result.</summary>
internal sealed class RunTaskActivity : ActivityType
{
    public override string TypeName => "Elsa.RunTask";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.Suspend(context.GetString("taskName") ?? throw new InvalidOperationException("The task has no name."),
            context.Evaluate("payload")?.DeepClone()));

    public override ValueTask<ActivityResult> ResumeAsync(ActivityContext context)
    {
        context.SetOutput(context.Node.DisplayName, context.ResumeInput?.DeepClone());
        return new(ActivityResult.Done);
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        if (node.Input("taskName") is null)
            yield return DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", "taskName"));
    }
}

/// <summary><c>Elsa.Delay</c>: waits <c>timeSpan</c> (one minute if unset, as in Elsa).</summary>
internal sealed class DelayActivity : ActivityType
{
    public override string TypeName => "Elsa.Delay";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.SuspendUntil(context.Now + (context.GetTimeSpan("timeSpan") ?? TimeInputs.DefaultInterval)));

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition) =>
        TimeInputs.CheckLiteral(node, "timeSpan", v => Values.AsTimeSpan(v), optional: true);
}

/// <summary><c>Elsa.Timer</c>: inside a flowchart, waits one <c>interval</c> (one minute if unset) and completes once.</summary>
internal sealed class TimerActivity : ActivityType
{
    public override string TypeName => "Elsa.Timer";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        new(ActivityResult.SuspendUntil(context.Now + (context.GetTimeSpan("interval") ?? TimeInputs.DefaultInterval)));

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition) =>
        TimeInputs.CheckLiteral(node, "interval", v => Values.AsTimeSpan(v), optional: true);
}

/// <summary><c>Elsa.StartAt</c>: waits until <c>dateTime</c> (at once if it has passed).</summary>
internal sealed class StartAtActivity : ActivityType
{
    public override string TypeName => "Elsa.StartAt";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var at = context.GetDateTimeOffset("dateTime") ?? throw new InvalidOperationException("StartAt has no date and time.");
        return new(at <= context.Now ? ActivityResult.Done : ActivityResult.SuspendUntil(at));
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition) =>
        TimeInputs.CheckLiteral(node, "dateTime", v => Values.AsDateTimeOffset(v));
}

/// <summary><c>Elsa.Cron</c>: waits until the next occurrence of <c>cronExpression</c> (5 or 6 fields, UTC).</summary>
internal sealed class CronActivity : ActivityType
{
    public override string TypeName => "Elsa.Cron";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var expression = Parse(context.GetString("cronExpression") ?? throw new InvalidOperationException("Cron has no expression."));
        var next = expression.GetNextOccurrence(context.Now, TimeZoneInfo.Utc)
            ?? throw new InvalidOperationException("The cron expression has no next occurrence.");
        return new(ActivityResult.SuspendUntil(next));
    }

    public override IEnumerable<DefinitionErrorReason> Validate(ActivityNode node, WorkflowDefinition definition)
    {
        var reasons = TimeInputs.CheckLiteral(node, "cronExpression", v => Parse(Values.AsString(v) ?? ""));
        // A cron that does not parse is said in Elsa's words ("Error when parsing cron expression: …"), naming the input.
        return reasons.Select(r => r.Code == DefinitionErrorCode.InputUnreadable
            ? DefinitionErrorReason.Of(DefinitionErrorCode.CronExpressionUnreadable, ("input", "cronExpression"), ("detail", r.Parameters["detail"]))
            : r);
    }

    private static CronExpression Parse(string text) =>
        CronExpression.Parse(text.Trim(), text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
}

internal static class TimeInputs
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    /// <summary>A literal time input must parse at load; expressions are checked when they run.</summary>
    public static IEnumerable<DefinitionErrorReason> CheckLiteral(ActivityNode node, string name, Action<System.Text.Json.Nodes.JsonNode?> parse, bool optional = false)
    {
        var input = node.Input(name);
        if (input is null)
            return optional ? [] : [DefinitionErrorReason.Of(DefinitionErrorCode.InputMissing, ("input", name))];
        if (input.Kind != ExpressionKind.Literal)
            return [];
        try
        {
            parse(input.Value);
            return [];
        }
        catch (Exception ex) when (ex is FormatException or CronFormatException or OverflowException)
        {
            return [DefinitionErrorReason.Of(DefinitionErrorCode.InputUnreadable, ("input", name), ("detail", ex.Message))];
        }
    }
}
