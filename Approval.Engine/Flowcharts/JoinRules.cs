using Approval.Engine.Definitions;
using Approval.Engine.Expressions;

namespace Approval.Engine.Flowcharts;

/// <summary>The modes of <c>Elsa.FlowJoin</c>.</summary>
public enum FlowJoinMode
{
    /// <summary>Waits for every forward inbound connection (a branch that was not taken blocks it).</summary>
    WaitAll,
    /// <summary>Waits for every inbound branch that was actually taken.</summary>
    WaitAllActive,
    /// <summary>Continues on the first arrival and cancels the other branches.</summary>
    WaitAny,
    /// <summary>
    /// Elsa's newer mode: waits for a token on every inbound connection, loop-backs included, whether or not its
    /// source ran (so an untaken branch blocks it, as Elsa's ExplicitJoinWaitAllInboundTests expects).
    /// </summary>
    WaitAllInbound,
}

/// <summary>
/// When an activity that tokens have reached may run. All join semantics live here (see the engine README):
/// an activity with at most one forward inbound connection runs on every token; otherwise its merge mode decides.
/// </summary>
internal static class JoinRules
{
    /// <summary>The effective merge mode of an activity: a FlowJoin's mode mapped to a merge mode, else its mergeMode, else Stream.</summary>
    public static MergeMode ModeOf(ActivityNode node)
    {
        if (node.Type == Activities.BuiltInTypes.FlowJoin)
        {
            var text = Values.AsString(node.Input("mode")?.Value) ?? nameof(FlowJoinMode.WaitAny); // Elsa's default
            return Enum.Parse<FlowJoinMode>(text, ignoreCase: true) switch
            {
                FlowJoinMode.WaitAll => MergeMode.Merge,
                FlowJoinMode.WaitAllActive => MergeMode.Stream,
                FlowJoinMode.WaitAllInbound => MergeMode.Converge,
                _ => MergeMode.Race,
            };
        }
        return node.MergeMode ?? MergeMode.Stream;
    }

    /// <summary>Whether the target is a Stream join: its decision depends on what else is still alive.</summary>
    public static bool WaitsForLiveWork(FlowGraph graph, int target, MergeMode mode) =>
        mode == MergeMode.Stream && graph.ForwardInbound[target].Length > 1;

    /// <summary>
    /// Decides whether target <paramref name="target"/> fires now, given the scope's tokens and live work.
    /// Returns the tokens (indices into <paramref name="tokens"/>) to consume, or null when it must wait.
    /// </summary>
    public static JoinDecision Decide(FlowGraph graph, int target, MergeMode mode, List<int> tokens, LiveWork live)
    {
        var inbound = mode == MergeMode.Converge ? graph.Inbound[target] : graph.ForwardInbound[target];
        if (mode == MergeMode.Race)
            return JoinDecision.FireAll(cancelAncestors: true);
        if (mode == MergeMode.Cascade || inbound.Length <= 1)
            return JoinDecision.FireOne;

        switch (mode)
        {
            case MergeMode.Merge:
            case MergeMode.Converge:
                foreach (var connection in inbound)
                {
                    if (!tokens.Contains(connection))
                        return JoinDecision.Wait;
                }
                return JoinDecision.FireOnePerConnection(inbound);

            default: // Stream: wait while anything live upstream could still send a token here.
                return live.AnyUpstreamOf(target) ? JoinDecision.Wait : JoinDecision.FireAll(cancelAncestors: false);
        }
    }

    /// <summary>
    /// Whether a join waiting for <paramref name="missing"/> can never get it: nothing live can reach its source.
    /// Other joins that are waiting count as live, so this never reports a join that might still fire.
    /// </summary>
    public static bool CanNeverArrive(FlowGraph graph, int missing, int waitingTarget, LiveWork live) =>
        !live.AnyCanReach(graph.ConnectionSource[missing], exceptWaitingAt: waitingTarget);
}

/// <summary>What a join rule decided.</summary>
internal readonly record struct JoinDecision(JoinAction Action, bool CancelAncestors, int[]? Connections)
{
    public static JoinDecision Wait => new(JoinAction.Wait, false, null);
    public static JoinDecision FireOne => new(JoinAction.FireOne, false, null);
    public static JoinDecision FireAll(bool cancelAncestors) => new(JoinAction.FireAll, cancelAncestors, null);
    public static JoinDecision FireOnePerConnection(int[] connections) => new(JoinAction.FireOnePerConnection, false, connections);
}

internal enum JoinAction
{
    /// <summary>Not yet.</summary>
    Wait,
    /// <summary>Consume the first token and run once.</summary>
    FireOne,
    /// <summary>Consume every token waiting here and run once.</summary>
    FireAll,
    /// <summary>Consume one token on each of the given connections and run once.</summary>
    FireOnePerConnection,
}
