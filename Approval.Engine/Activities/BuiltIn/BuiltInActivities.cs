namespace Approval.Engine.Activities.BuiltIn;

/// <summary>Every built-in activity type.</summary>
internal static class BuiltInActivities
{
    public static IEnumerable<ActivityType> All() =>
    [
        new FlowchartActivity(), new StartActivity(), new EndActivity(), new CompleteActivity(), new FinishActivity(),
        new FlowNodeActivity(), new FlowForkActivity(), new FlowJoinActivity(),
        new FlowDecisionActivity(), new FlowSwitchActivity(),
        new WriteLineActivity(), new SetVariableActivity(), new SetOutputActivity(), new SetNameActivity(),
        new CorrelateActivity(), new RunJavaScriptActivity(), new FaultActivity(),
        new EventActivity(), new RunTaskActivity(),
        new DelayActivity(), new TimerActivity(), new StartAtActivity(), new CronActivity(),
        .. Structured.CompositeActivity.All(), .. Structured.LoopActivity.All(),
        .. SubWorkflows.SubWorkflowActivity.All(),
    ];
}
