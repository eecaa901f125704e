using System.Text.Json.Nodes;
using Approval.Api.Endpoints;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Approval.Api.Hosting;

/// <summary>Examples in Swagger for the requests people type by hand: what a real 企业设立登记 looks like.</summary>
internal sealed class RequestExamples : ISchemaFilter
{
    private static readonly Dictionary<Type, Func<JsonNode>> Examples = new()
    {
        [typeof(SubmitRequest)] = () => new JsonObject
        {
            ["itemCode"] = "QY-SL-001",
            ["applicant"] = new JsonObject { ["kind"] = "Person", ["idNumber"] = "11010519491231002X", ["name"] = "张三", ["phone"] = "13800000000" },
            ["form"] = new JsonObject
            {
                ["companyName"] = "云浮市张三科技有限公司",
                ["registeredCapital"] = 100,
                ["businessScope"] = "软件开发；信息技术咨询服务",
                ["address"] = "云浮市云城区建设北路1号",
                ["legalRepresentativeId"] = "11010519491231002X",
            },
        },
        [typeof(AcceptRequest)] = () => new JsonObject { ["missingMaterials"] = new JsonArray("premises"), ["promisedBy"] = "2026-12-04" },
        [typeof(PromisedMaterialsRequest)] = () => new JsonObject { ["materialCodes"] = new JsonArray("premises") },
        [typeof(ReasonRequest)] = () => new JsonObject { ["reason"] = "申请事项依法不属于本机关职权范围" },
        [typeof(SupplementRequestBody)] = () => new JsonObject { ["missingMaterials"] = new JsonArray("住所使用证明", "公司章程（全体股东签字页）") },
        [typeof(SuspendRequest)] = () => new JsonObject { ["reason"] = "消防设计需组织专家评审", ["expectedDays"] = 5 },
        [typeof(OpinionRequest)] = () => new JsonObject { ["verdict"] = "ApproveWithConditions", ["reason"] = "须安装油烟净化设施" },
        [typeof(DecisionRequest)] = () => new JsonObject { ["verdict"] = "Approve", ["reason"] = null },
        [typeof(HandOverRequest)] = () => new JsonObject { ["to"] = "tax-head", ["reason"] = "审查员休假" },
        [typeof(CorrectionRequest)] = () => new JsonObject { ["taskId"] = "(a task id from the case)", ["reason"] = "消防意见录入错误" },
        [typeof(Notifications.Feedback.ContactProfileInput)] = () => new JsonObject
        {
            ["email"] = "zhangsan@example.cn", ["phone"] = "13800138000", ["byEmail"] = true, ["bySms"] = true, ["language"] = "zh-CN",
        },
        [typeof(Notifications.Feedback.TemplateInput)] = () => new JsonObject
        {
            ["title"] = "已受理：办件 {caseNumber}",
            ["body"] = "{applicantName}：您申请的「{itemName}」（办件编号 {caseNumber}）已于 {acceptedAt} 受理，承诺办结期限 {promisedDueDate}（法定期限 {legalDueDate}）。",
            ["sms"] = "【政务服务】办件{caseNumber}已受理，承诺{promisedDueDate}前办结。",
        },
        [typeof(StartRequest)] = () => new JsonObject { ["definitionId"] = "demo-parallel-review", ["input"] = new JsonObject(), ["correlationId"] = null },
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && Examples.TryGetValue(context.Type, out var example))
            concrete.Example = example();
    }
}
