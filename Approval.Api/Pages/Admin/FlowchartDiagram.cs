using System.Text.Json;
using System.Text.Json.Nodes;
using Approval.Engine.Definitions;

namespace Approval.Api.Pages.Admin;

/// <summary>
/// A read-only picture of a definition's root flowchart: its activities as boxes and its connections as arrows, placed
/// at the designer's coordinates (Elsa Studio's <c>metadata.designer.position</c>) when every activity has them, else in
/// layers from the start. Read from the raw JSON, not the validated definition, so a definition the validator refuses
/// can still be drawn with its errors at the activities they name.
/// </summary>
public sealed record FlowchartDiagram(IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges, IReadOnlyList<DefinitionError> FlowchartErrors, double Width, double Height)
{
    public const double NodeWidth = 190, NodeHeight = 56, Margin = 24, LayerGap = 60, ColumnGap = 30;

    /// <summary>The diagram of a definition's JSON, or null when the JSON has no root flowchart to draw.</summary>
    public static FlowchartDiagram? Of(string json, IReadOnlyList<DefinitionError> errors)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            return null;
        }
        if (document?["root"] is not JsonObject root || root["activities"] is not JsonArray activities)
            return null;

        var boxes = new List<(string Id, string Type, string? Name, (double X, double Y)? At)>();
        foreach (var activity in activities.OfType<JsonObject>())
        {
            if (Text(activity, "id") is not { Length: > 0 } id || boxes.Any(b => b.Id == id))
                continue;
            boxes.Add((id, Text(activity, "type") ?? "?", Text(activity, "name"), DesignerPosition(activity)));
        }
        var links = (root["connections"] as JsonArray ?? []).OfType<JsonObject>().Select(ReadLink).Where(l => l.From is not null || l.To is not null).ToList();

        var known = boxes.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        // A connection to or from an activity that is not there ends at a dashed box named after the missing id.
        var missing = links.SelectMany(l => new[] { l.From, l.To }).Where(id => id is not null && !known.Contains(id)).Distinct().Select(id => id!).ToList();

        var positions = boxes.All(b => b.At is not null) && boxes.Count > 0
            ? Designer(boxes.ToDictionary(b => b.Id, b => b.At!.Value), missing, links)
            : Layered(boxes.Select(b => b.Id).ToList(), missing, links, Text(root, "start") ?? (root["start"] is JsonObject startObject ? Text(startObject, "id") : null));

        var byActivity = errors.Where(e => e.ActivityId is not null && known.Contains(e.ActivityId)).ToLookup(e => e.ActivityId!);
        var nodes = boxes.Select(b => new DiagramNode(b.Id, b.Type, b.Name, positions[b.Id].X, positions[b.Id].Y, false, [.. byActivity[b.Id]]))
            .Concat(missing.Select(id => new DiagramNode(id, "", null, positions[id].X, positions[id].Y, true, [])))
            .ToList();
        var at = nodes.ToDictionary(n => n.Id);
        var edges = EdgeLabels.Place(links.Where(l => l.From is not null && l.To is not null)
            .Select(l => new DiagramEdge(at[l.From!], at[l.To!], l.Port, at[l.From!].Missing || at[l.To!].Missing))
            .ToList(), nodes);
        var flowchartErrors = errors.Where(e => e.ActivityId is null || !known.Contains(e.ActivityId)).ToList();
        // The view box holds every box and every label: nothing drawn lies outside what the page shows.
        var labels = edges.Where(e => e.Label is not null).Select(e => e.Label!).ToList();
        return new FlowchartDiagram(nodes, edges, flowchartErrors,
            nodes.Count == 0 ? 2 * Margin : Math.Max(nodes.Max(n => n.X) + NodeWidth, labels.Count == 0 ? 0 : labels.Max(l => l.Right)) + Margin,
            nodes.Count == 0 ? 2 * Margin : Math.Max(nodes.Max(n => n.Y) + NodeHeight, labels.Count == 0 ? 0 : labels.Max(l => l.Bottom)) + Margin);
    }

    private static Dictionary<string, (double X, double Y)> Designer(Dictionary<string, (double X, double Y)> at, List<string> missing, List<Link> links)
    {
        // Elsa's coordinates are the centres of the boxes on an unbounded canvas: moved so the top-left box starts at the margin.
        var minX = at.Values.Min(p => p.X);
        var minY = at.Values.Min(p => p.Y);
        var placed = at.ToDictionary(p => p.Key, p => (X: p.Value.X - minX + Margin, Y: p.Value.Y - minY + Margin));
        foreach (var id in missing)
        {
            var neighbour = links.Select(l => l.From == id ? l.To : l.To == id ? l.From : null).FirstOrDefault(n => n is not null && placed.ContainsKey(n));
            var near = neighbour is null ? (X: Margin, Y: Margin) : placed[neighbour];
            placed[id] = (near.X + NodeWidth + ColumnGap, near.Y + NodeHeight + LayerGap / 2);
        }
        return placed;
    }

    private static Dictionary<string, (double X, double Y)> Layered(List<string> ids, List<string> missing, List<Link> links, string? start)
    {
        var all = ids.Concat(missing).ToList();
        var next = all.ToDictionary(id => id, id => links.Where(l => l.From == id && l.To is not null).Select(l => l.To!).ToList());
        var hasIncoming = links.Where(l => l.To is not null && l.From is not null).Select(l => l.To!).ToHashSet();
        // Layers are distances from the start (breadth first), so a loop back (a supplement returning to the reviews)
        // does not push its target down; activities nothing reaches start layers of their own.
        var layer = new Dictionary<string, int>();
        var roots = (start is not null && all.Contains(start) ? new List<string> { start } : []).Concat(all.Where(id => !hasIncoming.Contains(id))).Concat(all);
        foreach (var root in roots)
        {
            if (layer.ContainsKey(root))
                continue;
            layer[root] = 0;
            var queue = new Queue<string>([root]);
            while (queue.TryDequeue(out var id))
            {
                foreach (var target in next[id].Where(t => !layer.ContainsKey(t)))
                {
                    layer[target] = layer[id] + 1;
                    queue.Enqueue(target);
                }
            }
        }
        var placed = new Dictionary<string, (double X, double Y)>();
        var widest = layer.GroupBy(l => l.Value).Max(g => g.Count());
        foreach (var row in layer.GroupBy(l => l.Value))
        {
            var members = all.Where(id => layer[id] == row.Key).ToList();
            // Each layer centred under the widest one.
            var offset = (widest - members.Count) * (NodeWidth + ColumnGap) / 2;
            for (var i = 0; i < members.Count; i++)
                placed[members[i]] = (Margin + offset + i * (NodeWidth + ColumnGap), Margin + row.Key * (NodeHeight + LayerGap));
        }
        return placed;
    }

    private static (double X, double Y)? DesignerPosition(JsonObject activity) =>
        activity["metadata"]?["designer"]?["position"] is JsonObject position
        && position["x"] is JsonValue x && x.TryGetValue<double>(out var left)
        && position["y"] is JsonValue y && y.TryGetValue<double>(out var top)
            ? (left, top)
            : null;

    private static Link ReadLink(JsonObject json) => json["source"] is JsonObject s && json["target"] is JsonObject t
        ? new Link(Text(s, "activity"), Text(t, "activity"), Text(s, "port"))
        : new Link(Text(json, "source"), Text(json, "target"), Text(json, "sourcePort"));

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private sealed record Link(string? From, string? To, string? Port);
}

/// <summary>An activity's box; <see cref="Missing"/> for an id a connection names that is not in the flowchart.</summary>
public sealed record DiagramNode(string Id, string Type, string? Name, double X, double Y, bool Missing, IReadOnlyList<DefinitionError> Errors)
{
    public double CenterX => X + FlowchartDiagram.NodeWidth / 2;
    public double CenterY => Y + FlowchartDiagram.NodeHeight / 2;
    public DiagramBox Box => new(X, Y, FlowchartDiagram.NodeWidth, FlowchartDiagram.NodeHeight);
}

/// <summary>A connection; <see cref="Broken"/> when one of its ends is missing; <see cref="Label"/> where its port's name is written.</summary>
public sealed record DiagramEdge(DiagramNode From, DiagramNode To, string? Port, bool Broken)
{
    /// <summary>The outcome a connection leaves by, when it is worth writing (not the plain Done).</summary>
    public string? LabelText => Port is { Length: > 0 } port && port != "Done" ? port : null;

    /// <summary>The label's box, placed by <see cref="EdgeLabels"/>; null without a label.</summary>
    public DiagramLabel? Label { get; init; }

    /// <summary>From the edge of one box to the edge of the other, along the line between their centres.</summary>
    public (double X1, double Y1, double X2, double Y2) Line()
    {
        var (dx, dy) = (To.CenterX - From.CenterX, To.CenterY - From.CenterY);
        if (dx == 0 && dy == 0)
            return (From.CenterX, From.Y + FlowchartDiagram.NodeHeight, From.CenterX, From.Y + FlowchartDiagram.NodeHeight + 10);
        var t = Math.Min(dx == 0 ? double.MaxValue : FlowchartDiagram.NodeWidth / 2 / Math.Abs(dx), dy == 0 ? double.MaxValue : FlowchartDiagram.NodeHeight / 2 / Math.Abs(dy));
        return (From.CenterX + t * dx, From.CenterY + t * dy, To.CenterX - t * dx, To.CenterY - t * dy);
    }
}

/// <summary>A rectangle of the diagram, top-left and size.</summary>
public record DiagramBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;

    public bool Intersects(DiagramBox other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;
}

/// <summary>A connection's label: its text and the box it is written in (the text's baseline is near the bottom).</summary>
public sealed record DiagramLabel(string Text, double X, double Y, double Width, double Height) : DiagramBox(X, Y, Width, Height)
{
    public double Baseline => Bottom - 3;
}
