using Approval.Api.Pages.Admin;
using Approval.Engine.Definitions;

namespace Approval.Tests.Pages;

/// <summary>The definition page's diagram: where each activity's box goes, and how a broken connection shows.</summary>
public class FlowchartDiagramTests
{
    [Test]
    public void Activities_with_designer_coordinates_are_drawn_where_the_designer_put_them()
    {
        var diagram = FlowchartDiagram.Of("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [
                { "id": "a", "type": "Elsa.Start", "metadata": { "designer": { "position": { "x": 100, "y": 300 } } } },
                { "id": "b", "type": "Elsa.End", "metadata": { "designer": { "position": { "x": 400, "y": 200 } } } } ],
              "connections": [ { "source": { "activity": "a", "port": "Done" }, "target": { "activity": "b", "port": "In" } } ] } }
            """, [])!;

        var a = diagram.Nodes.Single(n => n.Id == "a");
        var b = diagram.Nodes.Single(n => n.Id == "b");
        Assert.That((a.X, a.Y), Is.EqualTo((FlowchartDiagram.Margin, FlowchartDiagram.Margin + 100)));
        Assert.That((b.X, b.Y), Is.EqualTo((FlowchartDiagram.Margin + 300, FlowchartDiagram.Margin)));
        Assert.That(diagram.Edges.Single().Broken, Is.False);
    }

    [Test]
    public void Without_coordinates_activities_are_layered_from_the_start_and_a_loop_back_does_not_push_its_target_down()
    {
        var diagram = FlowchartDiagram.Of("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [
                { "id": "start", "type": "Elsa.Start" }, { "id": "r1", "type": "T" }, { "id": "r2", "type": "T" },
                { "id": "join", "type": "T" }, { "id": "supplement", "type": "T" } ],
              "connections": [
                { "source": { "activity": "start" }, "target": { "activity": "r1" } },
                { "source": { "activity": "start" }, "target": { "activity": "r2" } },
                { "source": { "activity": "r1" }, "target": { "activity": "join" } },
                { "source": { "activity": "r2" }, "target": { "activity": "join" } },
                { "source": { "activity": "join" }, "target": { "activity": "supplement" } },
                { "source": { "activity": "supplement" }, "target": { "activity": "r1" } } ] } }
            """, [])!;

        double Row(string id) => diagram.Nodes.Single(n => n.Id == id).Y;
        Assert.That(new[] { Row("start"), Row("r1"), Row("join"), Row("supplement") }, Is.Ordered.Ascending.And.Unique);
        Assert.That(Row("r1"), Is.EqualTo(Row("r2")));
        Assert.That(diagram.Nodes.Single(n => n.Id == "r1").X, Is.Not.EqualTo(diagram.Nodes.Single(n => n.Id == "r2").X));
    }

    [Test]
    public void A_connection_to_a_missing_activity_ends_at_a_dashed_box_and_the_error_sits_on_the_activity_it_names()
    {
        var error = DefinitionError.At("upload", "start", DefinitionErrorCode.ConnectionTargetMissing, ("activity", "nowhere"));
        var whole = DefinitionError.At("upload", null, DefinitionErrorCode.VariableWithoutName);
        var diagram = FlowchartDiagram.Of("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [ { "id": "start", "type": "Elsa.Start" } ],
              "connections": [ { "source": { "activity": "start" }, "target": { "activity": "nowhere" } } ] } }
            """, [error, whole])!;

        Assert.That(diagram.Nodes.Single(n => n.Id == "start").Errors, Is.EqualTo(new[] { error }));
        Assert.That(diagram.Nodes.Single(n => n.Id == "nowhere").Missing, Is.True);
        Assert.That(diagram.Edges.Single().Broken, Is.True);
        Assert.That(diagram.FlowchartErrors, Is.EqualTo(new[] { whole }));
    }

    [Test]
    public void The_labels_of_three_outcomes_leaving_one_decision_do_not_run_into_each_other()
    {
        var diagram = FlowchartDiagram.Of("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [
                { "id": "decide", "type": "Approval.Decision" }, { "id": "supplement", "type": "T" }, { "id": "deliver", "type": "T" }, { "id": "refuse", "type": "T" } ],
              "connections": [
                { "source": { "activity": "decide", "port": "ReturnForSupplement" }, "target": { "activity": "supplement" } },
                { "source": { "activity": "decide", "port": "ApproveWithConditions" }, "target": { "activity": "deliver" } },
                { "source": { "activity": "decide", "port": "Reject" }, "target": { "activity": "refuse" } } ] } }
            """, [])!;

        var labels = diagram.Edges.Select(e => e.Label).ToList();
        Assert.That(labels, Has.All.Not.Null);
        Assert.That(labels.Select(l => l!.Text), Is.EquivalentTo(new[] { "ReturnForSupplement", "ApproveWithConditions", "Reject" }));
        var overlapping = labels.SelectMany((a, i) => labels.Skip(i + 1).Where(b => a!.Intersects(b!)).Select(b => $"{a!.Text} × {b!.Text}"));
        Assert.That(overlapping, Is.Empty);
        Assert.That(labels, Has.All.Matches<DiagramLabel?>(l => l!.X >= 0 && l.Right <= diagram.Width && l.Y >= 0 && l.Bottom <= diagram.Height));
    }

    [Test]
    public void Labels_between_two_close_activities_are_stacked_not_overlapped()
    {
        // Five outcomes between the same two boxes: every point along the one line is taken by the third label.
        var ports = new[] { "Approve", "ApproveWithConditions", "ReturnForSupplement", "Reject", "Escalate" };
        var connections = string.Join(",", ports.Select(p => $$"""{ "source": { "activity": "a", "port": "{{p}}" }, "target": { "activity": "b" } }"""));
        var diagram = FlowchartDiagram.Of($$"""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [ { "id": "a", "type": "T" }, { "id": "b", "type": "T" } ],
              "connections": [ {{connections}} ] } }
            """, [])!;

        var labels = diagram.Edges.Select(e => e.Label!).ToList();
        Assert.That(labels.SelectMany((a, i) => labels.Skip(i + 1).Where(a.Intersects)), Is.Empty);
        Assert.That(labels, Has.All.Matches<DiagramLabel>(l => l.Right <= diagram.Width && l.Bottom <= diagram.Height));
    }

    [Test]
    public void A_missing_target_of_a_designer_placed_flowchart_sits_inside_the_view_box()
    {
        var diagram = FlowchartDiagram.Of("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [
                { "id": "a", "type": "Elsa.Start", "metadata": { "designer": { "position": { "x": 100, "y": 100 } } } },
                { "id": "b", "type": "Elsa.End", "metadata": { "designer": { "position": { "x": 600, "y": 100 } } } } ],
              "connections": [ { "source": { "activity": "b" }, "target": { "activity": "nowhere" } },
                               { "source": { "activity": "a" }, "target": { "activity": "b" } } ] } }
            """, [])!;

        var missing = diagram.Nodes.Single(n => n.Missing);
        Assert.That(Math.Min(missing.X, missing.Y), Is.GreaterThanOrEqualTo(0));
        Assert.That(missing.Box.Right, Is.LessThanOrEqualTo(diagram.Width));
        Assert.That(missing.Box.Bottom, Is.LessThanOrEqualTo(diagram.Height));
    }

    [Test]
    public void Json_that_does_not_parse_has_no_diagram()
    {
        Assert.That(FlowchartDiagram.Of("{ not json", []), Is.Null);
    }
}
