using Approval.Workflows.Cases;

namespace Approval.Tests.Workflows.Cases;

/// <summary>The lead merges the departments' opinions by severity, carrying every reason into the decision.</summary>
public class OpinionMergeTests
{
    [Test]
    public void Any_refusal_refuses_with_every_reason()
    {
        var merged = MergedOpinion.Merge([
            new Opinion("tax", Verdict.Approve, null, "王"),
            new Opinion("fire", Verdict.Refuse, "消防通道不符合要求", "李"),
            new Opinion("env", Verdict.ApproveWithConditions, "须安装油烟净化设施", "张"),
            new Opinion("health", Verdict.Refuse, "无健康证明", "赵"),
        ]);
        Assert.That(merged.Verdict, Is.EqualTo(Verdict.Refuse));
        Assert.That(merged.Reasons.Select(r => r.Reason), Is.EqualTo(new[] { "消防通道不符合要求", "无健康证明", "须安装油烟净化设施" }));
    }

    [Test]
    public void A_return_for_supplement_outranks_conditions()
    {
        var merged = MergedOpinion.Merge([
            new Opinion("tax", Verdict.ApproveWithConditions, "按期申报", null),
            new Opinion("env", Verdict.ReturnForSupplement, "缺环评报告", null),
        ]);
        Assert.That(merged.Verdict, Is.EqualTo(Verdict.ReturnForSupplement));
    }

    [Test]
    public void All_approving_approves()
    {
        Assert.That(MergedOpinion.Merge([new Opinion("tax", Verdict.Approve, null, null), new Opinion("fire", Verdict.Approve, null, null)]).Verdict,
            Is.EqualTo(Verdict.Approve));
    }

    [Test]
    public void A_refusal_without_a_reason_cannot_be_given()
    {
        Assert.That(new Opinion("fire", Verdict.Refuse, " ", null).Problem()?.Text, Does.Contain("Art. 38"));
    }
}
