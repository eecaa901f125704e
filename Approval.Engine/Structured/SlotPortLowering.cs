using Approval.Engine.Activities;
using Approval.Engine.Definitions;

namespace Approval.Engine.Structured;

/// <summary>
/// The structured form of an activity with outcomes (<see cref="ActivityType.SlotPorts"/>), compiled like the composites:
/// a flowchart under the activity's id holding the activity itself (as <c>{id}:run</c>, its slots left out) connected,
/// port by port, to the activity of each slot. So the ports' rules stay the flow form's: a port with no activity in its slot
/// is an unconnected port (<see cref="ActivityContext.IsConnected"/>), and the activity decides what that means.
/// </summary>
internal static class SlotPortLowering
{
    public static ActivityNode? Lower(ActivityNode node, ActivityRegistry registry)
    {
        if (node.Slots.Count == 0 || !registry.TryGet(node.Type, out var type))
            return null;
        var ports = type.SlotPorts(node);
        if (ports.Count == 0)
            return null;
        var run = node with { Id = $"{node.Id}:run", Slots = new Dictionary<string, ActivityNode>(StringComparer.Ordinal), Body = null };
        var activities = new List<ActivityNode> { run };
        var connections = new List<Connection>();
        foreach (var (port, slot) in ports)
        {
            if (!node.Slots.TryGetValue(slot, out var activity))
                continue;
            if (!activities.Contains(activity))
                activities.Add(activity);
            connections.Add(new Connection(run.Id, port, activity.Id, "In"));
        }
        return new ActivityNode(node.Id, BuiltInTypes.Flowchart, node.Name) { Activities = activities, Connections = connections, StartActivityId = run.Id };
    }
}
