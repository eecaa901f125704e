namespace Approval.Api.Pages.Admin;

/// <summary>
/// Where each connection's outcome (<c>ApproveWithConditions</c>, <c>ReturnForSupplement</c>) is written: beside its own
/// line, on the side the line leans to, at the first point along it where the label covers no label already placed and
/// no activity. Branches leaving one activity start at one point, so their labels at the middle of each line — as they
/// were — ran into each other when the targets were close.
/// </summary>
internal static class EdgeLabels
{
    public const double Height = 14, Gap = 4;

    // Along the line, from its middle outwards: the middle reads best, the ends crowd the boxes and arrows.
    private static readonly double[] Along = [0.5, 0.38, 0.62, 0.28, 0.72, 0.2, 0.8];

    public static List<DiagramEdge> Place(List<DiagramEdge> edges, IReadOnlyList<DiagramNode> nodes)
    {
        var placed = new List<DiagramBox>();
        var boxes = nodes.Select(n => n.Box).ToList();
        var result = new List<DiagramEdge>(edges.Count);
        foreach (var edge in edges)
        {
            if (edge.LabelText is not { } text)
            {
                result.Add(edge);
                continue;
            }
            var candidates = Candidates(edge, text).ToList();
            var label = candidates.FirstOrDefault(c => !placed.Any(c.Intersects) && !boxes.Any(c.Intersects))
                ?? candidates.FirstOrDefault(c => !placed.Any(c.Intersects))
                ?? Below(candidates[0], placed);
            placed.Add(label);
            result.Add(edge with { Label = label });
        }
        return result;
    }

    /// <summary>How wide a label is drawn at the diagram's 11 px: a Han character a full em, other characters about 0.6.</summary>
    public static double WidthOf(string text) => text.Sum(c => c >= '\u2E80' ? 11.5 : 6.6) + 2;

    private static IEnumerable<DiagramLabel> Candidates(DiagramEdge edge, string text)
    {
        var (x1, y1, x2, y2) = edge.Line();
        var width = WidthOf(text);
        foreach (var t in Along)
        {
            var (x, y) = (x1 + t * (x2 - x1), y1 + t * (y2 - y1));
            // Beside the line, on the side it leans to (a line going down-left has its label on the left), clear of it;
            // a level line has its label above it.
            var left = Math.Abs(y2 - y1) < 1 ? x - width / 2 : x2 < x1 ? x - Gap - width : x + Gap;
            var top = Math.Abs(y2 - y1) < 1 ? y - Gap - Height : y - Height / 2;
            yield return new DiagramLabel(text, Math.Max(left, 2), Math.Max(top, 2), width, Height);
        }
    }

    // Every point along the line is taken (many outcomes between two close boxes): the label goes under the lowest
    // label it would cover, so labels never overlap.
    private static DiagramLabel Below(DiagramLabel label, List<DiagramBox> placed)
    {
        while (placed.FirstOrDefault(label.Intersects) is { } taken)
            label = label with { Y = taken.Bottom + 1 };
        return label;
    }
}
