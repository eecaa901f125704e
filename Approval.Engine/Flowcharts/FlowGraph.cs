using Approval.Engine.Activities;
using Approval.Engine.Definitions;
using Approval.Engine.Expressions;

namespace Approval.Engine.Flowcharts;

/// <summary>
/// One flowchart compiled for execution: activities and connections by index, outbound connections per
/// activity, inbound connections split into forward and loop-back ones, and each activity's forward ancestors.
/// Built once per definition version and shared by every instance.
/// </summary>
internal sealed class FlowGraph
{
    public FlowGraph(ActivityNode flowchart, ActivityRegistry registry)
    {
        Flowchart = flowchart;
        Activities = [.. flowchart.Activities];
        Types = [.. Activities.Select(a => registry.Get(a.Type))];
        for (var i = 0; i < Activities.Length; i++)
            _indexById[Activities[i].Id] = i;

        Connections = [.. flowchart.Connections];
        ConnectionSource = [.. Connections.Select(c => _indexById[c.SourceId])];
        ConnectionTarget = [.. Connections.Select(c => _indexById[c.TargetId])];

        var outbound = Enumerable.Range(0, Activities.Length).Select(_ => new List<int>()).ToArray();
        var inbound = Enumerable.Range(0, Activities.Length).Select(_ => new List<int>()).ToArray();
        for (var c = 0; c < Connections.Length; c++)
        {
            outbound[ConnectionSource[c]].Add(c);
            inbound[ConnectionTarget[c]].Add(c);
        }
        Outbound = [.. outbound.Select(l => l.ToArray())];
        Inbound = [.. inbound.Select(l => l.ToArray())];

        StartIndex = FindStart();
        IsBackEdge = ClassifyBackEdges();
        ForwardInbound = [.. Inbound.Select(list => list.Where(c => !IsBackEdge[c]).ToArray())];
        Ancestors = ComputeAncestors();
        Upstream = ComputeUpstream();

        // Looked up on every step: decided once per definition rather than by activity id at run time.
        Modes = [.. Activities.Select(JoinRules.ModeOf)];
        LiteralText = [.. Activities.Select(LiteralTextOf)];
        Prepared = [.. Activities.Select((a, i) => Types[i].Prepare(a))];
    }

    public ActivityNode Flowchart { get; }
    public ActivityNode[] Activities { get; }
    public ActivityType[] Types { get; }
    public Connection[] Connections { get; }
    public int[] ConnectionSource { get; }
    public int[] ConnectionTarget { get; }
    public int[][] Outbound { get; }
    public int[][] Inbound { get; }
    public int[][] ForwardInbound { get; }
    public bool[] IsBackEdge { get; }
    public ActivitySet[] Ancestors { get; }

    /// <summary>Per activity: the activities that can reach it without passing through it, loop-backs included.</summary>
    public ActivitySet[] Upstream { get; }

    /// <summary>Per activity: its effective merge mode (<see cref="JoinRules.ModeOf"/>).</summary>
    public MergeMode[] Modes { get; }

    /// <summary>
    /// Per activity: the text of each literal input, by input name (null when it has none). A literal's text is the
    /// same on every execution, and reading it from the JSON value would allocate a new string each time.
    /// </summary>
    public IReadOnlyDictionary<string, string?>?[] LiteralText { get; }

    /// <summary>Per activity: what its type prepared once for it (<see cref="ActivityType.Prepare"/>), or null.</summary>
    public object?[] Prepared { get; }

    /// <summary>Index of the activity the flowchart starts at, or -1 when it is empty.</summary>
    public int StartIndex { get; }

    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);

    public int IndexOf(string activityId) => _indexById[activityId];

    public bool TryIndexOf(string activityId, out int index) => _indexById.TryGetValue(activityId, out index);

    // Elsa's order: explicit start property, an Elsa.Start, the first canStartWorkflow activity,
    // the first activity with no inbound connection, else the first activity.
    private int FindStart()
    {
        if (Activities.Length == 0)
            return -1;
        if (Flowchart.StartActivityId is { } explicitStart && _indexById.TryGetValue(explicitStart, out var s))
            return s;
        for (var i = 0; i < Activities.Length; i++)
            if (Activities[i].Type == BuiltInTypes.Start) return i;
        for (var i = 0; i < Activities.Length; i++)
            if (Activities[i].CanStartWorkflow) return i;
        for (var i = 0; i < Activities.Length; i++)
            if (Inbound[i].Length == 0) return i;
        return 0;
    }

    // A connection is a loop-back when, in a depth-first walk from the start (then from any activity the
    // start does not reach), it leads to an activity still on the walk's path.
    private bool[] ClassifyBackEdges()
    {
        // Breadth first from the start (then from any activity it does not reach), taking connections in order: a
        // connection is a loop-back when its target can already reach its source through the connections taken so
        // far. Breadth first matters: a loop that returns into several parallel branches (a case sent back for
        // supplements to every review) must not make those branches' own forward connections look like loop-backs.
        var back = new bool[Connections.Length];
        var taken = Enumerable.Range(0, Activities.Length).Select(_ => new List<int>()).ToArray();
        var seen = new bool[Activities.Length];
        var queue = new Queue<int>();
        void Walk(int root)
        {
            seen[root] = true;
            queue.Enqueue(root);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                foreach (var c in Outbound[node])
                {
                    var target = ConnectionTarget[c];
                    if (target == node || Reaches(taken, target, node))
                    {
                        back[c] = true;
                        continue;
                    }
                    taken[node].Add(target);
                    if (!seen[target])
                    {
                        seen[target] = true;
                        queue.Enqueue(target);
                    }
                }
            }
        }
        if (StartIndex >= 0)
            Walk(StartIndex);
        for (var i = 0; i < Activities.Length; i++)
            if (!seen[i] && Inbound[i].Length == 0) Walk(i);
        for (var i = 0; i < Activities.Length; i++)
            if (!seen[i]) Walk(i);
        return back;
    }

    // Whether `to` is reachable from `from` through the connections taken (compile time only: graphs are small).
    private static bool Reaches(List<int>[] taken, int from, int to)
    {
        var visited = new HashSet<int> { from };
        var stack = new Stack<int>();
        stack.Push(from);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node == to)
                return true;
            foreach (var next in taken[node])
            {
                if (visited.Add(next))
                    stack.Push(next);
            }
        }
        return false;
    }

    private ActivitySet[] ComputeAncestors()
    {
        var n = Activities.Length;
        var ancestors = new ActivitySet[n];
        for (var i = 0; i < n; i++)
            ancestors[i] = new ActivitySet(n);
        // Forward connections form a DAG; iterate to a fixed point (graphs are small).
        bool changed;
        do
        {
            changed = false;
            for (var c = 0; c < Connections.Length; c++)
            {
                if (IsBackEdge[c])
                    continue;
                var source = ConnectionSource[c];
                var target = ConnectionTarget[c];
                if (!ancestors[target].Contains(source))
                {
                    ancestors[target].Add(source);
                    changed = true;
                }
                changed |= ancestors[target].AddAll(ancestors[source]);
            }
        } while (changed);
        return ancestors;
    }

    private ActivitySet[] ComputeUpstream()
    {
        var n = Activities.Length;
        var upstream = new ActivitySet[n];
        var stack = new Stack<int>();
        for (var target = 0; target < n; target++)
        {
            var set = upstream[target] = new ActivitySet(n);
            stack.Push(target);
            while (stack.Count > 0)
            {
                foreach (var c in Inbound[stack.Pop()])
                {
                    var source = ConnectionSource[c];
                    if (source == target || set.Contains(source))
                        continue;
                    set.Add(source);
                    stack.Push(source);
                }
            }
        }
        return upstream;
    }

    /// <summary>Whether work at <paramref name="from"/> can still lead to <paramref name="to"/>, loops included.</summary>
    /// <remarks>Joins ask this for every live execution each time an instance settles: it reads the precomputed
    /// <see cref="Upstream"/> sets instead of walking the graph.</remarks>
    public bool CanReach(int from, int to) => from == to || Upstream[to].Contains(from);

    private static Dictionary<string, string?>? LiteralTextOf(ActivityNode node)
    {
        Dictionary<string, string?>? text = null;
        foreach (var (name, input) in node.Inputs)
        {
            if (input.Kind == ExpressionKind.Literal)
                (text ??= new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase))[name] = Values.AsString(input.Value);
        }
        return text;
    }
}
