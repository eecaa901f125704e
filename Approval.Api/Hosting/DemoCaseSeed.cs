using System.Text.Json.Nodes;
using Approval.Workflows.Cases;
using Approval.Workflows.Catalog;
using Approval.Workflows.People;

namespace Approval.Api.Hosting;

/// <summary>
/// A few demo cases on a fresh installation, made through the domain's own steps, so that every role finds
/// something to look at: one waiting at the window, one in parallel review, one stopped for an inspection,
/// one refused at the window and two delivered, sealed by a department on ECDSA and one on SM2.
/// <c>Approval:Demo:SeedCases</c> (default true) switches it.
/// </summary>
public sealed class DemoCaseSeed(ICaseQueries queries, CaseIntake intake, WindowDesk window, DepartmentDesk departments,
    IConfiguration configuration, ILogger<DemoCaseSeed> logger)
{
    // The demo users themselves act, named on the timeline as anyone signed in is ("李敏 (clerk)"), not by a bare account.
    private static readonly Actor Clerk = Actor.Of(DemoUser("clerk"));

    private static User DemoUser(string userName) => Identity.DemoUsers.All.Single(u => u.UserName == userName);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Approval:Demo:SeedCases", true) || await queries.AnyCaseAsync(cancellationToken))
            return;
        var person = new Applicant(ApplicantKind.Person, "11010519491231002X", "张三", "13800000000");
        var company = new Applicant(ApplicantKind.Organisation, "91350100M000100Y43", "云浮市示范建设有限公司", "07668888888");

        await intake.SubmitAsync(new Application(DemoCatalog.IndividualBusiness.Code, person,
            new JsonObject { ["businessName"] = "张三小吃店", ["operatorId"] = person.IdNumber, ["businessScope"] = "小吃服务", ["address"] = "云浮市云城区兴云东路8号" }),
            DemoUser("applicant"), "demo-1", cancellationToken);

        var enterprise = await intake.SubmitAsync(new Application(DemoCatalog.EnterpriseEstablishment.Code, person,
            new JsonObject { ["companyName"] = "云浮市张三科技有限公司", ["registeredCapital"] = 100, ["businessScope"] = "软件开发；信息技术咨询服务", ["address"] = "云浮市云城区建设北路1号", ["legalRepresentativeId"] = person.IdNumber }),
            DemoUser("applicant"), "demo-2", cancellationToken);
        var reviewing = await window.AcceptAsync(enterprise.Case.Id, Clerk, cancellationToken: cancellationToken);
        foreach (var task in reviewing.Tasks.Where(t => t.DepartmentCode is "tax" or "hrss" or "health"))
            await departments.GiveOpinionAsync(enterprise.Case.Id, task.Id, Actor.Of(DemoUser($"{task.DepartmentCode}-reviewer")), Verdict.Approve, null, cancellationToken);

        var food = await intake.SubmitAsync(new Application(DemoCatalog.FoodBusinessLicense.Code, person,
            new JsonObject { ["shopName"] = "张三小吃店", ["businessType"] = "餐饮服务", ["operatorId"] = person.IdNumber, ["area"] = 45, ["address"] = "云浮市云城区兴云东路8号" }),
            DemoUser("applicant"), "demo-3", cancellationToken);
        await window.AcceptAsync(food.Case.Id, Clerk, cancellationToken: cancellationToken);

        var refused = await intake.SubmitAsync(new Application(DemoCatalog.ConstructionPermit.Code, company,
            new JsonObject { ["projectName"] = "示范商业综合体", ["constructionUnitCode"] = company.IdNumber, ["buildingHeight"] = 120, ["investment"] = 80_000_000, ["address"] = "云浮市云城区" }),
            DemoUser("enterprise"), "demo-4", cancellationToken);
        await window.RefuseAsync(refused.Case.Id, Clerk, "尚未取得建设工程规划许可证（申请条件不具备）", cancellationToken);

        var delivered = await intake.SubmitAsync(new Application(DemoCatalog.IndividualBusiness.Code, person,
            new JsonObject { ["businessName"] = "张三便利店", ["operatorId"] = person.IdNumber, ["businessScope"] = "日用百货零售", ["address"] = "云浮市云安区六都镇" }),
            DemoUser("applicant"), "demo-5", cancellationToken);
        await window.AcceptAsync(delivered.Case.Id, Clerk, cancellationToken: cancellationToken);
        await departments.DecideAsync(delivered.Case.Id, Actor.Of(DemoUser("samr-head")), Verdict.Approve, null, cancellationToken);
        await window.DeliverAsync(delivered.Case.Id, Clerk, cancellationToken);

        // A joint case led by 住建 (housing), which the shipped appsettings.json seals with SM2/SM3: the demo's delivered
        // results carry both algorithms of the product's CA (samr's ECDSA above).
        var permit = await intake.SubmitAsync(new Application(DemoCatalog.ConstructionPermit.Code, company,
            new JsonObject { ["projectName"] = "示范厂房扩建工程", ["constructionUnitCode"] = company.IdNumber, ["buildingHeight"] = 18, ["investment"] = 6_000_000, ["address"] = "云浮市云城区工业园" }),
            DemoUser("enterprise"), "demo-6", cancellationToken);
        var reviews = await window.AcceptAsync(permit.Case.Id, Clerk, cancellationToken: cancellationToken);
        // Opinions may open further reviews (a credit check): each open one is answered until none is left.
        while (reviews.Tasks.FirstOrDefault(t => t.IsOpen) is { } open)
            reviews = await departments.GiveOpinionAsync(permit.Case.Id, open.Id, Actor.Of(DemoUser($"{open.DepartmentCode}-reviewer")), Verdict.Approve, null, cancellationToken);
        await departments.DecideAsync(permit.Case.Id, Actor.Of(DemoUser("housing-head")), Verdict.Approve, null, cancellationToken);
        await window.DeliverAsync(permit.Case.Id, Clerk, cancellationToken);

        logger.LogInformation("Seeded 6 demo cases (Approval:Demo:SeedCases=false keeps them out).");
    }
}
