using System.Text.Json.Nodes;
using Approval.Workflows.Inputs;
using Approval.Workflows.Supervision;

namespace Approval.Tests.Workflows.Inputs;

/// <summary>The domain holds its limits itself, for callers that do not come through HTTP: the field is named, nothing is made.</summary>
public class TextLimitsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_complaint_with_an_over_long_contact_or_body_is_not_filed()
    {
        var contact = Assert.Throws<InputTooLongException>(() => Complaint.File(null, "applicant", new string('c', TextLimits.Name + 1), "窗口乱收费", Now, Now.AddDays(7)));
        Assert.That(contact!.Field, Is.EqualTo("contact"));
        var body = Assert.Throws<InputTooLongException>(() => Complaint.File(null, "applicant", "13800000000", new string('b', TextLimits.Prose + 1), Now, Now.AddDays(7)));
        Assert.That(body!.Field, Is.EqualTo("body"));
        Assert.That(Complaint.File(null, "applicant", new string('c', TextLimits.Name), new string('b', TextLimits.Prose), Now, Now.AddDays(7)).Status,
            Is.EqualTo(ComplaintStatus.Received), "a value at the limit is taken");
    }

    [Test]
    public void A_notice_subject_past_its_limit_is_not_issued()
    {
        var subject = Assert.Throws<InputTooLongException>(() => CorrectionNotice.Issue(null, "samr", NoticeKind.SupervisionRecommendation,
            new string('s', TextLimits.Name + 1), "请改正", "supervisor", Now, Now.AddDays(5), Now.AddDays(10)));
        Assert.That(subject!.Field, Is.EqualTo("subject"));
    }

    [Test]
    public void A_form_names_the_field_whose_text_list_or_nesting_is_too_long()
    {
        Assert.That(Assert.Throws<InputTooLongException>(() => FormLimits.Check("form", new JsonObject { ["address"] = new string('a', TextLimits.FormText + 1) }))!.Field,
            Is.EqualTo("form.address"));
        Assert.That(Assert.Throws<InputTooLongException>(() => FormLimits.Check("form", new JsonObject { ["owners"] = new JsonArray([.. Enumerable.Range(0, TextLimits.ListItems + 1).Select(i => (JsonNode)i)]) }))!.Field,
            Is.EqualTo("form.owners"));
        var deep = new JsonObject { ["a"] = new JsonObject { ["b"] = new JsonObject { ["c"] = new JsonObject { ["d"] = new JsonObject() } } } };
        Assert.That(Assert.Throws<InputTooLongException>(() => FormLimits.Check("form", deep))!.Field, Is.EqualTo("form.a.b.c.d"));
        Assert.DoesNotThrow(() => FormLimits.Check("form", new JsonObject { ["address"] = "云城区", ["capital"] = 100 }));
    }
}
