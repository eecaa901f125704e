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
        var error = new DefinitionError("upload", "start", "a connection ends at activity 'nowhere', which is not in this flowchart");
        var diagram = FlowchartDiagram.Of("""
            { "root": { "type": "Elsa.Flowchart", "id": "f", "activities": [ { "id": "start", "type": "Elsa.Start" } ],
              "connections": [ { "source": { "activity": "start" }, "target": { "activity": "nowhere" } } ] } }
            """, [error, new DefinitionError("upload", null, "something about the whole file")])!;

        Assert.That(diagram.Nodes.Single(n => n.Id == "start").Errors, Is.EqualTo(new[] { error.Reason }));
        Assert.That(diagram.Nodes.Single(n => n.Id == "nowhere").Missing, Is.True);
        Assert.That(diagram.Edges.Single().Broken, Is.True);
        Assert.That(diagram.FlowchartErrors.Select(e => e.Reason), Is.EqualTo(new[] { "something about the whole file" }));
    }

    [Test]
    public void Json_that_does_not_parse_has_no_diagram()
    {
        Assert.That(FlowchartDiagram.Of("{ not json", []), Is.Null);
    }
}
